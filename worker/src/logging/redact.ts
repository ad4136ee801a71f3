/**
 * Scrubs a log value of anything that must never reach a log: the configured secrets, bearer tokens
 * and JWTs (partner session tokens, user tokens), digit runs long enough to be a card number, and the
 * path and query of any absolute URL (RPC providers put API keys there, and library errors quote the
 * URL they called, sometimes cut short, so an exact match is not enough).
 */
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const CARD_NUMBER = /\b\d(?:[ -]?\d){11,18}\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** scheme, user info (credentials), host, path/query/fragment. */
const URL_PARTS = /\b((?:https?|wss?):\/\/)([^\s/"'?#@]*@)?([^\s/"'?#@]+)([/?#][^\s"']*)?/gi;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[secret]");
  return out
    .replace(URL_PARTS, (_, scheme: string, userinfo: string | undefined, host: string, rest: string | undefined) =>
      `${scheme}${userinfo ? "[secret]@" : ""}${host}${rest && rest !== "/" ? "/[path]" : rest ?? ""}`,
    )
    .replace(JWT, "[token]")
    .replace(BEARER, "$1 [token]")
    .replace(CARD_NUMBER, "[number]")
    .replace(EMAIL, "[email]");
}
