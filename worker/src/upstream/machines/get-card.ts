import { Card } from "../../../../shared/machines/cards";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface GetCardParameters {
  cardId: string;
}
export type GetCardReturnType = Card;
/** Includes 404 for a card that is not this user's. */
export type GetCardErrorType = MachinesRequestErrorType;

/** `GET /cards/{cardId}`: one card. */
export function getCard(machines: MachinesCaller, p: GetCardParameters): Promise<GetCardReturnType> {
  return machines.request({ method: "GET", path: `/cards/${encodeURIComponent(p.cardId)}`, data: Card });
}
