import type { BodyOf, ResponseOf } from "../../../shared/api/define-route";
import { depositRoutes } from "../../../shared/api/deposits";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = depositRoutes.estimateDeposit;

export type EstimateDepositParameters = BodyOf<typeof route> & { signal?: AbortSignal };
export type EstimateDepositReturnType = ResponseOf<typeof route>;
export type EstimateDepositErrorType = ApiError;

/**
 * What a deposit of an amount will credit (`POST /v1/deposits/estimate`).
 *
 * @example
 * const { estimate } = await estimateDeposit(client, { currency: "usdc", network: "base", amount: 100 });
 */
export function estimateDeposit(client: WorkerClient, parameters: EstimateDepositParameters): Promise<EstimateDepositReturnType> {
  const { signal, ...body } = parameters;
  return client.call(route, { body, signal });
}
