import type { EncryptedSecret } from "@machines-card/contract/machines";
import { bytesToBase64, bytesToHex, hexToBytes, randomBytes, utf8 } from "./encoding";
import type { SimulatorSecrets } from "./secrets";

/**
 * Card numbers and their delivery. The PAN and CVC are derived from the card id and the sandbox secret
 * (so they are the same on every request and never stored), and sent exactly as the docs describe:
 * AES-128-GCM with the secrets session's key, a 16-byte IV in standard base64, and `data` the standard
 * base64 of ciphertext ‖ 16-byte tag.
 */

/** Visa-shaped test prefix; the remaining digits come from the card id. */
const PAN_PREFIX = "424242";

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(pan: string): boolean {
  return /^\d+$/.test(pan) && luhnCheckDigit(pan.slice(0, -1)) === Number(pan.slice(-1));
}

export interface CardNumbers {
  pan: string;
  cvc: string;
}

export async function cardNumbers(secrets: SimulatorSecrets, cardId: string): Promise<CardNumbers> {
  const bytes = await secrets.derive("card-number", cardId);
  const digits = Array.from(bytes, (byte) => String(byte % 10)).join("");
  const body = PAN_PREFIX + digits.slice(0, 15 - PAN_PREFIX.length);
  return { pan: body + String(luhnCheckDigit(body)), cvc: digits.slice(20, 23) };
}

/** A fresh secrets-session key: 16 random bytes as 32 hex characters. */
export function newSecretKey(): string {
  return bytesToHex(randomBytes(16));
}

export async function encryptSecret(secretKeyHex: string, plaintext: string): Promise<EncryptedSecret> {
  const key = await crypto.subtle.importKey("raw", hexToBytes(secretKeyHex), "AES-GCM", false, ["encrypt"]);
  const iv = randomBytes(16);
  // WebCrypto appends the 16-byte tag to the ciphertext, which is the documented `data` layout.
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv, tagLength: 128 }, key, utf8.encode(plaintext));
  return { iv: bytesToBase64(iv), data: bytesToBase64(new Uint8Array(sealed)) };
}
