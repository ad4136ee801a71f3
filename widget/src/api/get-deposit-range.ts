import type { BodyOf, ResponseOf } from "../../../shared/api/define-route";
import { depositRoutes } from "../../../shared/api/deposits";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = depositRoutes.getDepositRange;

export type GetDepositRangeParameters = BodyOf<typeof route> & { signal?: AbortSignal };
export type GetDepositRangeReturnType = ResponseOf<typeof route>;
export type GetDepositRangeErrorType = ApiError;

/**
 * Minimum and maximum deposit for an asset and network (`POST /v1/deposits/range`).
 *
 * @example
 * const { range } = await getDepositRange(client, { currency: "usdc", network: "base" });
 */
export function getDepositRange(client: WorkerClient, parameters: GetDepositRangeParameters): Promise<GetDepositRangeReturnType> {
  const { signal, ...body } = parameters;
  return client.call(route, { body, signal });
}
