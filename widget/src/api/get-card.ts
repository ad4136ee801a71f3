import type { ParamsOf, ResponseOf } from "../../../shared/api/define-route";
import { cardRoutes } from "../../../shared/api/cards";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = cardRoutes.getCard;

export type GetCardParameters = ParamsOf<typeof route> & { signal?: AbortSignal };
export type GetCardReturnType = ResponseOf<typeof route>;
export type GetCardErrorType = ApiError;

/**
 * One card (`GET /v1/cards/:cardId`).
 *
 * @example
 * const { card } = await getCard(client, { cardId });
 */
export function getCard(client: WorkerClient, parameters: GetCardParameters): Promise<GetCardReturnType> {
  const { cardId, signal } = parameters;
  return client.call(route, { params: { cardId }, signal });
}
