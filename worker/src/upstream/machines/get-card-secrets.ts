import { CardSecretsData } from "../../../../shared/machines/cards";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface GetCardSecretsParameters {
  cardId: string;
  sessionId: string;
}
export type GetCardSecretsReturnType = CardSecretsData;
/** Includes 404 for a card that is not this user's. */
export type GetCardSecretsErrorType = MachinesRequestErrorType;

/** `POST /cards/{cardId}/secrets`: the card number and CVC, encrypted under the secrets session's key. */
export function getCardSecrets(machines: MachinesCaller, p: GetCardSecretsParameters): Promise<GetCardSecretsReturnType> {
  return machines.request({
    method: "POST",
    path: `/cards/${encodeURIComponent(p.cardId)}/secrets`,
    body: { sessionId: p.sessionId },
    data: CardSecretsData,
    idempotent: true,
  });
}
