import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Headers every reply carries: a JSON API is never framed, sniffed, or cached by a shared cache. */
const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "no-referrer"],
  ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
  ["Strict-Transport-Security", "max-age=31536000; includeSubDomains"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
];

/** Both ids of a request, for an audit row or a log line. */
export const requestIdsOf = (c: Context<AppEnv>) => ({ requestId: c.get("requestId"), clientRequestId: c.get("clientRequestId") });

/**
 * The id the reply shows (header and envelope alike): the caller's own when it sent a well-formed one, so
 * it can correlate, else the Worker's. What the Worker records (audit rows, log lines) is always its own
 * id, with the caller's beside it.
 */
export const replyIdOf = (c: Context<AppEnv>) => c.get("clientRequestId") ?? c.get("requestId");

/**
 * First middleware of the app: gives the request an id of the Worker's own making (logs and audit rows
 * carry it). A caller's well-formed `X-Request-Id` is kept beside it and echoed (`replyIdOf`), so a partner
 * can correlate, but never replaces it where it is recorded: anyone can send any id, even someone else's. Stamps
 * every reply, errors included, with the id, the environment, the security headers and
 * `Cache-Control: no-store` unless a route chose its own caching.
 */
export function edge(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("X-Request-Id");
    const requestId = crypto.randomUUID();
    const clientRequestId = incoming && INCOMING_ID.test(incoming) ? incoming : null;
    c.set("requestId", requestId);
    c.set("clientRequestId", clientRequestId);
    await next();
    const headers = c.res.headers;
    headers.set("X-Request-Id", replyIdOf(c));
    // Read the raw binding: the header must be there even when the settings are broken.
    const environment = c.env.ENVIRONMENT === "production" ? "production" : c.env.ENVIRONMENT === "sandbox" ? "sandbox" : null;
    if (environment) headers.set("X-Machines-Environment", environment);
    // A route with a policy of its own (the reveal frame) is framed only as its `frame-ancestors` says,
    // which X-Frame-Options: DENY would overrule in browsers that predate it.
    const ownPolicy = headers.has("Content-Security-Policy");
    for (const [name, value] of SECURITY_HEADERS) {
      if (ownPolicy && (name === "Content-Security-Policy" || name === "X-Frame-Options")) continue;
      headers.set(name, value);
    }
    if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  };
}
