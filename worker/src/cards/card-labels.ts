import type { EncryptedBlob } from "@machines-card/contract/machines/encryption";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import { BoundedMap } from "../memory/isolate-memory";
import type { MachinesCaller } from "../upstream/machines/machines-caller";

/**
 * Decrypted card labels, per user and ciphertext, for this isolate's life. A label's blob only changes when
 * the label does (each encryption has a fresh IV), so a hit is always right, and listing cards costs one
 * Machines call instead of one per card. Labels are the user's own names for their cards, not secrets.
 */
const labels = new BoundedMap<string, string>(5_000);

const keyOf = (partnerUserId: string, blob: EncryptedBlob) => `${partnerUserId}\n${blob.v}\n${blob.iv}\n${blob.ct}`;

export async function decryptLabel(machines: MachinesCaller, partnerUserId: string, blob: EncryptedBlob | null | undefined): Promise<string | null> {
  if (!blob) return null;
  const key = keyOf(partnerUserId, blob);
  const hit = labels.get(key);
  if (hit !== undefined) return hit;
  const { value: label } = await machines.call(machinesApi.decryptValue, { body: { value: blob } });
  rememberLabel(partnerUserId, blob, label);
  return label;
}

/** Records a label the Worker just encrypted, so the reply and the next list need no decryption. */
export function rememberLabel(partnerUserId: string, blob: EncryptedBlob, label: string): void {
  labels.set(keyOf(partnerUserId, blob), label);
}
