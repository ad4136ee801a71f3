import type { QueryOf, ResponseOf } from "../../../shared/api/define-route";
import { cardRoutes } from "../../../shared/api/cards";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = cardRoutes.listCards;

export type ListCardsParameters = QueryOf<typeof route> & { signal?: AbortSignal };
export type ListCardsReturnType = ResponseOf<typeof route>;
export type ListCardsErrorType = ApiError;

/**
 * The user's cards (`GET /v1/cards`).
 *
 * @example
 * const { cards, nextCursor } = await listCards(client);
 */
export function listCards(client: WorkerClient, parameters: ListCardsParameters = {}): Promise<ListCardsReturnType> {
  const { signal, ...query } = parameters;
  return client.call(route, { query, signal });
}
