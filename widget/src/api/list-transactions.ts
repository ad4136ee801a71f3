import type { QueryOf, ResponseOf } from "../../../shared/api/define-route";
import { transactionRoutes } from "../../../shared/api/transactions";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = transactionRoutes.listTransactions;

export type ListTransactionsParameters = QueryOf<typeof route> & { signal?: AbortSignal };
export type ListTransactionsReturnType = ResponseOf<typeof route>;
export type ListTransactionsErrorType = ApiError;

/**
 * Card activity: spend, collateral, payments and fees (`GET /v1/transactions`).
 *
 * @example
 * const { transactions } = await listTransactions(client, { type: "spend" });
 */
export function listTransactions(client: WorkerClient, parameters: ListTransactionsParameters = {}): Promise<ListTransactionsReturnType> {
  const { signal, ...query } = parameters;
  return client.call(route, { query, signal });
}
