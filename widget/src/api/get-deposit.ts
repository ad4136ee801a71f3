import type { ParamsOf, ResponseOf } from "../../../shared/api/define-route";
import { depositRoutes } from "../../../shared/api/deposits";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = depositRoutes.getDeposit;

export type GetDepositParameters = ParamsOf<typeof route> & { signal?: AbortSignal };
export type GetDepositReturnType = ResponseOf<typeof route>;
export type GetDepositErrorType = ApiError;

/**
 * One deposit and its status (`GET /v1/deposits/:depositId`).
 *
 * @example
 * const { deposit } = await getDeposit(client, { depositId });
 */
export function getDeposit(client: WorkerClient, parameters: GetDepositParameters): Promise<GetDepositReturnType> {
  const { depositId, signal } = parameters;
  return client.call(route, { params: { depositId }, signal });
}
