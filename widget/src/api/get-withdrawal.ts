import type { ParamsOf, ResponseOf } from "../../../shared/api/define-route";
import { withdrawalRoutes } from "../../../shared/api/withdrawals";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = withdrawalRoutes.getWithdrawal;

export type GetWithdrawalParameters = ParamsOf<typeof route> & { signal?: AbortSignal };
export type GetWithdrawalReturnType = ResponseOf<typeof route>;
export type GetWithdrawalErrorType = ApiError;

/**
 * One withdrawal; a pending one is advanced and a submitted one reconciled with the chain (`GET /v1/withdrawals/:withdrawalId`).
 *
 * @example
 * const { withdrawal } = await getWithdrawal(client, { withdrawalId });
 */
export function getWithdrawal(client: WorkerClient, parameters: GetWithdrawalParameters): Promise<GetWithdrawalReturnType> {
  const { withdrawalId, signal } = parameters;
  return client.call(route, { params: { withdrawalId }, signal });
}
