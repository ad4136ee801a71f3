import type { ParamsOf, ResponseOf } from "../../../shared/api/define-route";
import { cardRoutes } from "../../../shared/api/cards";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = cardRoutes.revealCard;

// The body is always `{}`: intersecting its type (`Record<string, never>`) with the params would forbid `cardId`.
export type RevealCardParameters = ParamsOf<typeof route> & { signal?: AbortSignal };
export type RevealCardReturnType = ResponseOf<typeof route>;
export type RevealCardErrorType = ApiError;

/**
 * The card number, CVC and expiry, for the cardholder's screen only (no-store, rate-limited, audited) (`POST /v1/cards/:cardId/reveal`).
 *
 * @example
 * const secrets = await revealCard(client, { cardId }); // keep in memory only, briefly
 */
export function revealCard(client: WorkerClient, parameters: RevealCardParameters): Promise<RevealCardReturnType> {
  const { cardId, signal } = parameters;
  return client.call(route, { params: { cardId }, body: {}, signal });
}
