import type { BodyOf, ParamsOf, ResponseOf } from "../../../shared/api/define-route";
import { withdrawalRoutes } from "../../../shared/api/withdrawals";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = withdrawalRoutes.prepareWithdrawal;

// The body is `{}` (first call) or the salt and signature (coordinator_v2's second call); intersecting
// `BodyOf` (a union with `Record<string, never>`) with the params would forbid the first call.
export type PrepareWithdrawalParameters = ParamsOf<typeof route> & { signal?: AbortSignal } & (
    | { adminSalt?: undefined; adminSignature?: undefined }
    | Extract<BodyOf<typeof route>, { adminSalt: string }>
  );
export type PrepareWithdrawalReturnType = ResponseOf<typeof route>;
export type PrepareWithdrawalErrorType = ApiError;

/**
 * The call the user's wallet makes: typed data to sign first (coordinator_v2), then the transaction (`POST /v1/withdrawals/:withdrawalId/prepare`).
 *
 * @example
 * const prepared = await prepareWithdrawal(client, { withdrawalId });
 */
export function prepareWithdrawal(client: WorkerClient, parameters: PrepareWithdrawalParameters): Promise<PrepareWithdrawalReturnType> {
  const { withdrawalId, signal, adminSalt, adminSignature } = parameters;
  const body: BodyOf<typeof route> = adminSalt === undefined || adminSignature === undefined ? {} : { adminSalt, adminSignature };
  return client.call(route, { params: { withdrawalId }, body, signal });
}
