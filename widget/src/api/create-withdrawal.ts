import type { BodyOf, ResponseOf } from "../../../shared/api/define-route";
import { withdrawalRoutes } from "../../../shared/api/withdrawals";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = withdrawalRoutes.createWithdrawal;

export type CreateWithdrawalParameters = BodyOf<typeof route> & {
  /** Reuse the same key when retrying the same intent. */
  idempotencyKey: string;
  signal?: AbortSignal;
};
export type CreateWithdrawalReturnType = ResponseOf<typeof route>;
export type CreateWithdrawalErrorType = ApiError;

/**
 * Start a withdrawal (idempotent: repeat with the same key to follow a pending one) (`POST /v1/withdrawals`).
 *
 * @example
 * const { withdrawal } = await createWithdrawal(client, { amountCents: 5000, destination, idempotencyKey });
 */
export function createWithdrawal(client: WorkerClient, parameters: CreateWithdrawalParameters): Promise<CreateWithdrawalReturnType> {
  const { idempotencyKey, signal, ...body } = parameters;
  return client.call(route, { body, idempotencyKey, signal });
}
