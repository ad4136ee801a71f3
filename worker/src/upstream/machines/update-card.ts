import { Card, type CardUpdateRequest } from "../../../../shared/machines/cards";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface UpdateCardParameters {
  cardId: string;
  body: CardUpdateRequest;
}
export type UpdateCardReturnType = Card;
/** Includes 404 (not this user's card) and 409 `invalid_state` (a canceled card). */
export type UpdateCardErrorType = MachinesRequestErrorType;

/** `PATCH /cards/{cardId}`: lock, unlock, change the limit or the encrypted label. Setting the same state again is harmless, so it may be retried. */
export function updateCard(machines: MachinesCaller, p: UpdateCardParameters): Promise<UpdateCardReturnType> {
  return machines.request({ method: "PATCH", path: `/cards/${encodeURIComponent(p.cardId)}`, body: p.body, data: Card, idempotent: true });
}
