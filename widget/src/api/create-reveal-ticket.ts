import type { BodyOf, ParamsOf, ResponseOf } from "../../../shared/api/define-route";
import { revealRoutes } from "../../../shared/api/reveal";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = revealRoutes.createRevealTicket;

export type CreateRevealTicketParameters = ParamsOf<typeof route> & BodyOf<typeof route> & { signal?: AbortSignal };
export type CreateRevealTicketReturnType = ResponseOf<typeof route>;
export type CreateRevealTicketErrorType = ApiError;

/**
 * A one-time ticket for the reveal frame (`POST /v1/cards/:cardId/reveal-ticket`): the frame at `frameUrl`
 * shows the card details itself, so they never enter this page.
 *
 * @example
 * const { frameUrl } = await createRevealTicket(client, { cardId, theme, locale: "en" });
 */
export function createRevealTicket(client: WorkerClient, parameters: CreateRevealTicketParameters): Promise<CreateRevealTicketReturnType> {
  const { cardId, signal, ...body } = parameters;
  return client.call(route, { params: { cardId }, body, signal });
}
