import type { QueryOf, ResponseOf } from "../../../shared/api/define-route";
import { depositRoutes } from "../../../shared/api/deposits";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = depositRoutes.listDeposits;

export type ListDepositsParameters = QueryOf<typeof route> & { signal?: AbortSignal };
export type ListDepositsReturnType = ResponseOf<typeof route>;
export type ListDepositsErrorType = ApiError;

/**
 * Recent active deposits, or the full history with scope=all (`GET /v1/deposits`).
 *
 * @example
 * const { deposits } = await listDeposits(client, { scope: "active" });
 */
export function listDeposits(client: WorkerClient, parameters: ListDepositsParameters = {}): Promise<ListDepositsReturnType> {
  const { signal, ...query } = parameters;
  return client.call(route, { query, signal });
}
