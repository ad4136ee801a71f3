import type { BodyOf, ResponseOf } from "../../../shared/api/define-route";
import { agreementsRoutes } from "../../../shared/api/agreements";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = agreementsRoutes.acceptAgreements;

export type AcceptAgreementsParameters = BodyOf<typeof route> & { signal?: AbortSignal };
export type AcceptAgreementsReturnType = ResponseOf<typeof route>;
export type AcceptAgreementsErrorType = ApiError;

/**
 * Record the user's explicit consent to every agreement (`POST /v1/agreements`).
 *
 * @example
 * const { acceptedAt } = await acceptAgreements(client, { accepted: true });
 */
export function acceptAgreements(client: WorkerClient, parameters: AcceptAgreementsParameters): Promise<AcceptAgreementsReturnType> {
  const { signal, ...body } = parameters;
  return client.call(route, { body, signal });
}
