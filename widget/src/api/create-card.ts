import type { BodyOf, ResponseOf } from "../../../shared/api/define-route";
import { cardRoutes } from "../../../shared/api/cards";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = cardRoutes.createCard;

export type CreateCardParameters = BodyOf<typeof route> & {
  /** Reuse the same key when retrying the same intent. */
  idempotencyKey: string;
  signal?: AbortSignal;
};
export type CreateCardReturnType = ResponseOf<typeof route>;
export type CreateCardErrorType = ApiError;

/**
 * Create a card with an optional label and spending limit (idempotent) (`POST /v1/cards`).
 *
 * @example
 * import { newIdempotencyKey } from "./idempotency-key";
 * const { card } = await createCard(client, { label: "Travel", idempotencyKey: newIdempotencyKey() });
 */
export function createCard(client: WorkerClient, parameters: CreateCardParameters): Promise<CreateCardReturnType> {
  const { idempotencyKey, signal, ...body } = parameters;
  return client.call(route, { body, idempotencyKey, signal });
}
