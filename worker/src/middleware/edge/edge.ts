import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env";

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

/**
 * First middleware of the app: gives the request an id (a caller's well-formed `X-Request-Id` is kept,
 * so a partner can correlate), and stamps every reply, errors included, with the id, the environment,
 * the security headers and `Cache-Control: no-store` unless a route chose its own caching.
 */
export function edge(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("X-Request-Id");
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    await next();
    const headers = c.res.headers;
    headers.set("X-Request-Id", requestId);
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
