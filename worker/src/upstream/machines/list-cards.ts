import { CardListData } from "../../../../shared/machines/cards";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface ListCardsParameters {
  cursor?: string;
  limit?: number;
}
export type ListCardsReturnType = CardListData;
export type ListCardsErrorType = MachinesRequestErrorType;

/** `GET /cards`: the user's cards (labels still encrypted), a page at a time. */
export function listCards(machines: MachinesCaller, p: ListCardsParameters = {}): Promise<ListCardsReturnType> {
  return machines.request({ method: "GET", path: "/cards", query: { cursor: p.cursor, limit: p.limit }, data: CardListData });
}
