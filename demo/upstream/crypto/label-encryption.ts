import type { EncryptedBlob } from "@machines-card/contract/machines";
import { base64UrlToBytes, bytesToBase64Url, randomBytes, utf8 } from "./encoding";
import type { SimulatorSecrets } from "./secrets";

/**
 * `/encryption/encrypt` and `/decrypt` [sandbox choice]: AES-256-GCM under a per-user key derived from
 * the sandbox secret, a fresh 12-byte IV, `iv` and `ct` (ciphertext ‖ tag) in base64url, `v: 1`.
 */
export const LABEL_BLOB_VERSION = 1;

async function userKey(secrets: SimulatorSecrets, userId: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", await secrets.derive("labels", userId), "AES-GCM", false, ["encrypt", "decrypt"]);
}

export async function encryptLabel(secrets: SimulatorSecrets, userId: string, value: string): Promise<EncryptedBlob> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await userKey(secrets, userId), utf8.encode(value));
  return { v: LABEL_BLOB_VERSION, iv: bytesToBase64Url(iv), ct: bytesToBase64Url(new Uint8Array(ct)) };
}

/** The plaintext, or `null` when the blob was not made for this user by this sandbox (or was altered). */
export async function decryptLabel(secrets: SimulatorSecrets, userId: string, blob: EncryptedBlob): Promise<string | null> {
  if (blob.v !== LABEL_BLOB_VERSION) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: base64UrlToBytes(blob.iv) },
      await userKey(secrets, userId),
      base64UrlToBytes(blob.ct),
    );
    return utf8.decode(new Uint8Array(plain));
  } catch {
    return null;
  }
}
