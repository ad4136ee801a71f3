import { EncryptData, type EncryptedBlob } from "../../../../shared/machines/encryption";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type EncryptValueReturnType = EncryptedBlob;
export type EncryptValueErrorType = MachinesRequestErrorType;

/** `POST /encryption/encrypt`: a card label encrypted under the user's key (a fresh IV each time). */
export async function encryptValue(machines: MachinesCaller, value: string): Promise<EncryptValueReturnType> {
  return (await machines.request({ method: "POST", path: "/encryption/encrypt", body: { value }, data: EncryptData, idempotent: true })).value;
}
