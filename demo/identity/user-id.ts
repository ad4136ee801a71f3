/**
 * Stable user ids for the development identity issuer. The subject (`sub`) of every token is derived
 * from the normalised email, so the same person gets the same id across sign-ins, restarts and key
 * rotations, the way a Crossmint user id stays put, while the id itself does not reveal the email.
 */

/** Trims and lower-cases, so " Ada@Example.COM " and "ada@example.com" are one person. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const SUBJECT_NAMESPACE = "machines-card-sandbox/identity/user:";

/**
 * An opaque, UUID-shaped id (version nibble 8, "custom", RFC 9562) from SHA-256 of the normalised email.
 */
export async function userIdForEmail(email: string): Promise<string> {
  const input = new TextEncoder().encode(SUBJECT_NAMESPACE + normaliseEmail(email));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", input));
  const b = digest.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
