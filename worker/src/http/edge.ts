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
 * First middleware of the app: gives the request an id of the Worker's own making (envelopes, logs and
 * audit rows carry it). A caller's well-formed `X-Request-Id` is kept beside it and echoed in the header,
 * so a partner can correlate, but never replaces it: anyone can send any id, even someone else's. Stamps
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
    headers.set("X-Request-Id", clientRequestId ?? requestId);
    // Read the raw binding: the header must be there even when the settings are broken.
    const environment = c.env.ENVIRONMENT === "production" ? "production" : c.env.ENVIRONMENT === "sandbox" ? "sandbox" : null;
    if (environment) headers.set("X-Machines-Environment", environment);
    for (const [name, value] of SECURITY_HEADERS) headers.set(name, value);
    if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  };
}
