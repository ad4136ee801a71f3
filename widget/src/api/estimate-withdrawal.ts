import type { BodyOf, ResponseOf } from "../../../shared/api/define-route";
import { withdrawalRoutes } from "../../../shared/api/withdrawals";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = withdrawalRoutes.estimateWithdrawal;

export type EstimateWithdrawalParameters = BodyOf<typeof route> & { signal?: AbortSignal };
export type EstimateWithdrawalReturnType = ResponseOf<typeof route>;
export type EstimateWithdrawalErrorType = ApiError;

/**
 * What a withdrawal of an amount will deliver (`POST /v1/withdrawals/estimate`).
 *
 * @example
 * const { estimate } = await estimateWithdrawal(client, { destination: { currency: "usdc", network: "base" }, amountCents: 5000 });
 */
export function estimateWithdrawal(client: WorkerClient, parameters: EstimateWithdrawalParameters): Promise<EstimateWithdrawalReturnType> {
  const { signal, ...body } = parameters;
  return client.call(route, { body, signal });
}
