import { CardSecretsSessionData } from "../../../../shared/machines/cards";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type CreateCardSecretsSessionReturnType = CardSecretsSessionData;
export type CreateCardSecretsSessionErrorType = MachinesRequestErrorType;

/** `POST /cards/secrets/session`: a short-lived session and its AES-128-GCM `secretKey` (which never leaves the Worker). */
export function createCardSecretsSession(machines: MachinesCaller): Promise<CreateCardSecretsSessionReturnType> {
  return machines.request({ method: "POST", path: "/cards/secrets/session", body: {}, data: CardSecretsSessionData, idempotent: true });
}
