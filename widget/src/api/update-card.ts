import type { BodyOf, ParamsOf, ResponseOf } from "../../../shared/api/define-route";
import { cardRoutes } from "../../../shared/api/cards";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = cardRoutes.updateCard;

export type UpdateCardParameters = ParamsOf<typeof route> & BodyOf<typeof route> & { signal?: AbortSignal };
export type UpdateCardReturnType = ResponseOf<typeof route>;
export type UpdateCardErrorType = ApiError;

/**
 * Lock or unlock a card, change its limit or label (`PATCH /v1/cards/:cardId`).
 *
 * @example
 * const { card } = await updateCard(client, { cardId, status: "locked" });
 */
export function updateCard(client: WorkerClient, parameters: UpdateCardParameters): Promise<UpdateCardReturnType> {
  const { cardId, signal, ...body } = parameters;
  return client.call(route, { params: { cardId }, body, signal });
}
