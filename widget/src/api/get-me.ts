import type { ResponseOf } from "../../../shared/api/define-route";
import { meRoutes } from "../../../shared/api/me";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = meRoutes.getMe;

export type GetMeParameters = { signal?: AbortSignal };
export type GetMeReturnType = ResponseOf<typeof route>;
export type GetMeErrorType = ApiError;

/**
 * Who the signed-in user is, their KYC and agreement state, and the step to resume at (`GET /v1/me`).
 *
 * @example
 * const { nextStep, kyc } = await getMe(client);
 */
export function getMe(client: WorkerClient, parameters: GetMeParameters = {}): Promise<GetMeReturnType> {
  const { signal } = parameters;
  return client.call(route, { signal });
}
