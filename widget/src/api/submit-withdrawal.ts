import type { BodyOf, ParamsOf, ResponseOf } from "../../../shared/api/define-route";
import { withdrawalRoutes } from "../../../shared/api/withdrawals";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = withdrawalRoutes.submitWithdrawal;

export type SubmitWithdrawalParameters = ParamsOf<typeof route> & BodyOf<typeof route> & { signal?: AbortSignal };
export type SubmitWithdrawalReturnType = ResponseOf<typeof route>;
export type SubmitWithdrawalErrorType = ApiError;

/**
 * Record the hash of the transaction the wallet sent (`POST /v1/withdrawals/:withdrawalId/submit`).
 *
 * @example
 * const { withdrawal } = await submitWithdrawal(client, { withdrawalId, txHash });
 */
export function submitWithdrawal(client: WorkerClient, parameters: SubmitWithdrawalParameters): Promise<SubmitWithdrawalReturnType> {
  const { withdrawalId, signal, ...body } = parameters;
  return client.call(route, { params: { withdrawalId }, body, signal });
}
