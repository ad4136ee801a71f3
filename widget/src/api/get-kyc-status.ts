import type { ResponseOf } from "../../../shared/api/define-route";
import { kycRoutes } from "../../../shared/api/kyc";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = kycRoutes.getKycStatus;

export type GetKycStatusParameters = { signal?: AbortSignal };
export type GetKycStatusReturnType = ResponseOf<typeof route>;
export type GetKycStatusErrorType = ApiError;

/**
 * The user's KYC status and, when needed, the hosted verification link (`GET /v1/kyc/status`).
 *
 * @example
 * const { status, verificationUrl } = await getKycStatus(client);
 */
export function getKycStatus(client: WorkerClient, parameters: GetKycStatusParameters = {}): Promise<GetKycStatusReturnType> {
  const { signal } = parameters;
  return client.call(route, { signal });
}
