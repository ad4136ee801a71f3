import { CardCreateData, type CardCreateRequest } from "../../../../shared/machines/cards";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface CreateCardParameters {
  body: CardCreateRequest;
  /** Required: the same key and body give the same card (a double click makes one card). */
  idempotencyKey: string;
}
export type CreateCardReturnType = CardCreateData;
/** Includes 409 before agreements are accepted and 409 `idempotency_conflict` for a reused key with another body. */
export type CreateCardErrorType = MachinesRequestErrorType;

/** `POST /cards` with `Idempotency-Key`: creates a card (retried once on a 5xx: the key makes it safe). */
export function createCard(machines: MachinesCaller, p: CreateCardParameters): Promise<CreateCardReturnType> {
  return machines.request({ method: "POST", path: "/cards", body: p.body, idempotencyKey: p.idempotencyKey, data: CardCreateData });
}
