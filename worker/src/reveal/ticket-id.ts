import { bytesToBase64, bytesToHex } from "../crypto/base64";

/** A new reveal ticket: 32 random bytes, base64url without padding (43 characters, fits a URL fragment). */
export function newTicket(): string {
  return bytesToBase64(crypto.getRandomValues(new Uint8Array(32))).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** What D1 keeps instead of the ticket: its SHA-256 in hex, so a copy of the table redeems nothing. */
export async function ticketHash(ticket: string): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(ticket))));
}
