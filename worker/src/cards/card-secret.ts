import { base64ToBytes, hexToBytes } from "../crypto/base64";
import { UpstreamInvalidResponseError } from "../upstream/machines/errors";

/**
 * Decrypts one card secret (PAN or CVC) as Machines encrypts it: AES-128-GCM under the secrets session's
 * `secretKey` (32 hex characters), `iv` in base64 (16 bytes in Machines' sample), `data` = base64 of
 * ciphertext ‖ 16-byte tag, no additional data. The result is digits; it is never logged or stored.
 */
export async function decryptCardSecret(secretKeyHex: string, secret: { iv: string; data: string }): Promise<string> {
  try {
    const key = await crypto.subtle.importKey("raw", hexToBytes(secretKeyHex), { name: "AES-GCM" }, false, ["decrypt"]);
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: base64ToBytes(secret.iv), tagLength: 128 }, key, base64ToBytes(secret.data));
    return new TextDecoder().decode(plain);
  } catch {
    // Never echo the inputs: they are the encrypted card number.
    throw new UpstreamInvalidResponseError("the card secrets could not be decrypted with the session key");
  }
}
