import type { ResponseOf } from "../../../shared/api/define-route";
import { agreementsRoutes } from "../../../shared/api/agreements";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = agreementsRoutes.getAgreements;

export type GetAgreementsParameters = { signal?: AbortSignal };
export type GetAgreementsReturnType = ResponseOf<typeof route>;
export type GetAgreementsErrorType = ApiError;

/**
 * The agreements to show (text and links) and whether they are accepted (`GET /v1/agreements`).
 *
 * @example
 * const { agreements, accepted } = await getAgreements(client);
 */
export function getAgreements(client: WorkerClient, parameters: GetAgreementsParameters = {}): Promise<GetAgreementsReturnType> {
  const { signal } = parameters;
  return client.call(route, { signal });
}
