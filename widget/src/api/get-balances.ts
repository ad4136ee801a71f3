import type { ResponseOf } from "../../../shared/api/define-route";
import { balancesRoutes } from "../../../shared/api/balances";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = balancesRoutes.getBalances;

export type GetBalancesParameters = { signal?: AbortSignal };
export type GetBalancesReturnType = ResponseOf<typeof route>;
export type GetBalancesErrorType = ApiError;

/**
 * Credit limit, charges and spending power, in cents (`GET /v1/balances`).
 *
 * @example
 * const { creditLimit, spendingPower } = await getBalances(client);
 */
export function getBalances(client: WorkerClient, parameters: GetBalancesParameters = {}): Promise<GetBalancesReturnType> {
  const { signal } = parameters;
  return client.call(route, { signal });
}
