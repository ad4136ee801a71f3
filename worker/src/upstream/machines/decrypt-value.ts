import { DecryptData, type EncryptedBlob } from "../../../../shared/machines/encryption";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type DecryptValueReturnType = string;
export type DecryptValueErrorType = MachinesRequestErrorType;

/** `POST /encryption/decrypt`: a card label in clear text. */
export async function decryptValue(machines: MachinesCaller, blob: EncryptedBlob): Promise<DecryptValueReturnType> {
  return (await machines.request({ method: "POST", path: "/encryption/decrypt", body: { value: blob }, data: DecryptData, idempotent: true })).value;
}
