import type { BodyOf, ResponseOf } from "../../../shared/api/define-route";
import { kycApplicationRoutes } from "../../../shared/api/kyc-application";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = kycApplicationRoutes.submitKycApplication;

export type SubmitKycApplicationParameters = BodyOf<typeof route> & { signal?: AbortSignal };
export type SubmitKycApplicationReturnType = ResponseOf<typeof route>;
/** `invalid_request` with `field` (dotted, e.g. `address.postalCode`) per rule broken; `invalid_state`; `rate_limited`. */
export type SubmitKycApplicationErrorType = ApiError;

/**
 * Submit the KYC application (rate-limited); answers the resulting KYC state (`POST /v1/kyc/applications`).
 * The body is checked against the shared KYC application schema before it is sent, so a field error
 * comes back without a round trip, with the same rules the server applies.
 *
 * @example
 * const kyc = await submitKycApplication(client, application);
 * if (kyc.verificationUrl) window.open(kyc.verificationUrl, "_blank", "noopener");
 */
export function submitKycApplication(client: WorkerClient, parameters: SubmitKycApplicationParameters): Promise<SubmitKycApplicationReturnType> {
  const { signal, ...body } = parameters;
  return client.call(route, { body, signal });
}
