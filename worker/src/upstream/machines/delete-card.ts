import { CardDeleteData } from "../../../../shared/machines/cards";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface DeleteCardParameters {
  cardId: string;
}
export type DeleteCardReturnType = CardDeleteData;
export type DeleteCardErrorType = MachinesRequestErrorType;

/** `DELETE /cards/{cardId}`: cancels the card for good (repeating it is harmless). */
export function deleteCard(machines: MachinesCaller, p: DeleteCardParameters): Promise<DeleteCardReturnType> {
  return machines.request({ method: "DELETE", path: `/cards/${encodeURIComponent(p.cardId)}`, data: CardDeleteData, idempotent: true });
}
