import type { BodyOf, ParamsOf, ResponseOf } from "../../../shared/api/define-route";
import { withdrawalRoutes } from "../../../shared/api/withdrawals";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = withdrawalRoutes.prepareWithdrawal;

export type PrepareWithdrawalParameters = ParamsOf<typeof route> & BodyOf<typeof route> & { signal?: AbortSignal };
export type PrepareWithdrawalReturnType = ResponseOf<typeof route>;
export type PrepareWithdrawalErrorType = ApiError;

/**
 * The call the user's wallet makes: typed data to sign first (coordinator_v2), then the transaction (`POST /v1/withdrawals/:withdrawalId/prepare`).
 *
 * @example
 * const prepared = await prepareWithdrawal(client, { withdrawalId });
 */
export function prepareWithdrawal(client: WorkerClient, parameters: PrepareWithdrawalParameters): Promise<PrepareWithdrawalReturnType> {
  const { withdrawalId, signal, ...body } = parameters;
  return client.call(route, { params: { withdrawalId }, body, signal });
}
