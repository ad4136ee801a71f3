import type { QueryOf, ResponseOf } from "../../../shared/api/define-route";
import { depositRoutes } from "../../../shared/api/deposits";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = depositRoutes.listDepositAssets;

export type ListDepositAssetsParameters = QueryOf<typeof route> & { signal?: AbortSignal };
export type ListDepositAssetsReturnType = ResponseOf<typeof route>;
export type ListDepositAssetsErrorType = ApiError;

/**
 * Assets and networks a deposit can be made in (`GET /v1/deposits/assets`).
 *
 * @example
 * const { assets } = await listDepositAssets(client);
 */
export function listDepositAssets(client: WorkerClient, parameters: ListDepositAssetsParameters = {}): Promise<ListDepositAssetsReturnType> {
  const { signal, ...query } = parameters;
  return client.call(route, { query, signal });
}
