import type { QueryOf, ResponseOf } from "../../../shared/api/define-route";
import { withdrawalRoutes } from "../../../shared/api/withdrawals";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = withdrawalRoutes.listWithdrawalAssets;

export type ListWithdrawalAssetsParameters = QueryOf<typeof route> & { signal?: AbortSignal };
export type ListWithdrawalAssetsReturnType = ResponseOf<typeof route>;
export type ListWithdrawalAssetsErrorType = ApiError;

/**
 * Assets and networks a withdrawal can be sent to (`GET /v1/withdrawals/assets`).
 *
 * @example
 * const { assets } = await listWithdrawalAssets(client);
 */
export function listWithdrawalAssets(client: WorkerClient, parameters: ListWithdrawalAssetsParameters = {}): Promise<ListWithdrawalAssetsReturnType> {
  const { signal, ...query } = parameters;
  return client.call(route, { query, signal });
}
