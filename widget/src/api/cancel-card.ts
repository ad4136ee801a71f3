import type { ParamsOf, ResponseOf } from "../../../shared/api/define-route";
import { cardRoutes } from "../../../shared/api/cards";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = cardRoutes.cancelCard;

export type CancelCardParameters = ParamsOf<typeof route> & { signal?: AbortSignal };
export type CancelCardReturnType = ResponseOf<typeof route>;
export type CancelCardErrorType = ApiError;

/**
 * Cancel a card (final) (`DELETE /v1/cards/:cardId`).
 *
 * @example
 * const { card } = await cancelCard(client, { cardId });
 */
export function cancelCard(client: WorkerClient, parameters: CancelCardParameters): Promise<CancelCardReturnType> {
  const { cardId, signal } = parameters;
  return client.call(route, { params: { cardId }, signal });
}
