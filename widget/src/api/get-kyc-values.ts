import type { ResponseOf } from "../../../shared/api/define-route";
import { kycRoutes } from "../../../shared/api/kyc";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = kycRoutes.getKycValues;

export type GetKycValuesParameters = { signal?: AbortSignal };
export type GetKycValuesReturnType = ResponseOf<typeof route>;
export type GetKycValuesErrorType = ApiError;

/**
 * The KYC form: fields, rules, enums and the occupation list (`GET /v1/kyc/values`).
 *
 * @example
 * const { fields, occupations } = await getKycValues(client);
 */
export function getKycValues(client: WorkerClient, parameters: GetKycValuesParameters = {}): Promise<GetKycValuesReturnType> {
  const { signal } = parameters;
  return client.call(route, { signal });
}
