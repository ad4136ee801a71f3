import type { BodyOf, ResponseOf } from "../../../shared/api/define-route";
import { withdrawalRoutes } from "../../../shared/api/withdrawals";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = withdrawalRoutes.getWithdrawalRange;

export type GetWithdrawalRangeParameters = BodyOf<typeof route> & { signal?: AbortSignal };
export type GetWithdrawalRangeReturnType = ResponseOf<typeof route>;
export type GetWithdrawalRangeErrorType = ApiError;

/**
 * Minimum and maximum withdrawal to a destination asset and network (`POST /v1/withdrawals/range`).
 *
 * @example
 * const { range } = await getWithdrawalRange(client, { destination: { currency: "usdc", network: "base" } });
 */
export function getWithdrawalRange(client: WorkerClient, parameters: GetWithdrawalRangeParameters): Promise<GetWithdrawalRangeReturnType> {
  const { signal, ...body } = parameters;
  return client.call(route, { body, signal });
}
