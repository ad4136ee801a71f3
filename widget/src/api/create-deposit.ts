import type { BodyOf, ResponseOf } from "../../../shared/api/define-route";
import { depositRoutes } from "../../../shared/api/deposits";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = depositRoutes.createDeposit;

export type CreateDepositParameters = BodyOf<typeof route> & {
  /** Reuse the same key when retrying the same intent. */
  idempotencyKey?: string;
  signal?: AbortSignal;
};
export type CreateDepositReturnType = ResponseOf<typeof route>;
export type CreateDepositErrorType = ApiError;

/**
 * Create a deposit address (`POST /v1/deposits`).
 *
 * @example
 * import { newIdempotencyKey } from "./idempotency-key";
 * const { deposit } = await createDeposit(client, { currency: "usdc", network: "base", idempotencyKey: newIdempotencyKey() });
 */
export function createDeposit(client: WorkerClient, parameters: CreateDepositParameters): Promise<CreateDepositReturnType> {
  const { idempotencyKey, signal, ...body } = parameters;
  return client.call(route, { body, idempotencyKey, signal });
}
