import { bytesToBase64Url, utf8 } from "./encoding";

/**
 * Every key the simulator needs, derived from one sandbox secret with HMAC-SHA-256 under a distinct
 * label per purpose, so the secret itself is never used directly and a purpose's key never doubles
 * as another's.
 */
export interface SimulatorSecrets {
  /** 32 bytes for a purpose and subject, e.g. `derive("labels", userId)`. */
  derive(purpose: string, subject?: string): Promise<Uint8Array<ArrayBuffer>>;
  /** base64url HMAC, for signatures carried in URLs (KYC links). */
  sign(purpose: string, subject: string): Promise<string>;
  /** Constant-time comparison of a presented value with the expected one (partner key, link signature). */
  equals(presented: string, expected: string): Promise<boolean>;
}

export function createSecrets(secret: string): SimulatorSecrets {
  let master: Promise<CryptoKey> | undefined;
  const masterKey = () =>
    (master ??= crypto.subtle.importKey("raw", utf8.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]));

  const derive = async (purpose: string, subject = "") =>
    new Uint8Array(await crypto.subtle.sign("HMAC", await masterKey(), utf8.encode(`${purpose}\u0000${subject}`)));

  return {
    derive,
    sign: async (purpose, subject) => bytesToBase64Url(await derive(`sign:${purpose}`, subject)),
    async equals(presented, expected) {
      // Compare digests so timing reveals nothing about the expected value's content or length.
      const [a, b] = await Promise.all([derive("compare", presented), derive("compare", expected)]);
      let diff = 0;
      for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
      return diff === 0;
    },
  };
}
