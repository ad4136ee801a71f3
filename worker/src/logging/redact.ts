/**
 * Scrubs a log value of anything that must never reach a log: the configured secrets, bearer tokens
 * and JWTs (partner session tokens, user tokens), and digit runs long enough to be a card number.
 */
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const CARD_NUMBER = /\b\d(?:[ -]?\d){11,18}\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[secret]");
  return out
    .replace(JWT, "[token]")
    .replace(BEARER, "$1 [token]")
    .replace(CARD_NUMBER, "[number]")
    .replace(EMAIL, "[email]");
}
