import { base64ToBytes, bytesToBase64 } from "./base64";

/** A value encrypted at rest: AES-256-GCM, a fresh 12-byte IV, ciphertext with its 16-byte tag. */
export interface Sealed {
  iv: string;
  ciphertext: string;
}

const keys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

/** The WebCrypto key for the raw `DATA_ENCRYPTION_KEY` bytes, imported once per isolate. */
export function dataKey(raw: Uint8Array): Promise<CryptoKey> {
  let key = keys.get(raw);
  if (!key) {
    key = crypto.subtle.importKey("raw", new Uint8Array(raw), { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
    keys.set(raw, key);
  }
  return key;
}

const encoder = new TextEncoder();

/**
 * Encrypts `plaintext` for storage. `context` is bound in as additional data (for example the row's
 * owner and kind), so a ciphertext copied into another row does not decrypt.
 */
export async function seal(key: CryptoKey, plaintext: string, context: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(plaintext),
  );
  return { iv: bytesToBase64(iv), ciphertext: bytesToBase64(new Uint8Array(ciphertext)) };
}

/** Decrypts what `seal` produced with the same key and context; throws if either differs or the data was altered. */
export async function unseal(key: CryptoKey, sealed: Sealed, context: string): Promise<string> {
  const plaintext = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: base64ToBytes(sealed.iv), additionalData: encoder.encode(context) },
    key,
    base64ToBytes(sealed.ciphertext),
  );
  return new TextDecoder().decode(plaintext);
}
