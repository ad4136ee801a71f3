import type { ResponseOf } from "../../../shared/api/define-route";
import { withdrawalRoutes } from "../../../shared/api/withdrawals";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = withdrawalRoutes.listWithdrawals;

export type ListWithdrawalsParameters = { signal?: AbortSignal };
export type ListWithdrawalsReturnType = ResponseOf<typeof route>;
export type ListWithdrawalsErrorType = ApiError;

/**
 * The user's withdrawals, newest first (`GET /v1/withdrawals`).
 *
 * @example
 * const { withdrawals } = await listWithdrawals(client);
 */
export function listWithdrawals(client: WorkerClient, parameters: ListWithdrawalsParameters = {}): Promise<ListWithdrawalsReturnType> {
  const { signal } = parameters;
  return client.call(route, { signal });
}
