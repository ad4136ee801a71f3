import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../errors";

/** Routes any page may read: they carry no user data. */
const PUBLIC_PATHS = new Set(["/v1/config"]);

const ALLOW_METHODS = "GET, POST, PATCH, DELETE, OPTIONS";
const ALLOW_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id";
const EXPOSE_HEADERS = "X-Request-Id, Retry-After, X-Machines-Environment";

function allowOrigin(headers: Headers, value: string): void {
  headers.set("Access-Control-Allow-Origin", value);
  headers.append("Vary", "Origin");
  headers.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
}

/**
 * CORS for the partner origins in ALLOWED_ORIGINS only, by exact match, without credentials (the
 * bearer token travels in a header, never a cookie). `/v1/config` answers every origin with `*` so a
 * page that is not allowed can still learn why. A browser request from any other origin is refused
 * with 403 `origin_not_allowed` before it reaches a route (readable by that page, so the widget can say so).
 */
export function cors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header("Origin");
    const isPublic = PUBLIC_PATHS.has(c.req.path);
    const allowed = origin !== undefined && c.get("settings").allowedOrigins.has(origin);

    if (c.req.method === "OPTIONS" && c.req.header("Access-Control-Request-Method")) {
      const headers = new Headers({ Vary: "Origin" });
      if (isPublic || allowed) {
        headers.set("Access-Control-Allow-Origin", isPublic ? "*" : origin!);
        headers.set("Access-Control-Allow-Methods", ALLOW_METHODS);
        headers.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
        headers.set("Access-Control-Max-Age", "600");
      }
      return new Response(null, { status: 204, headers });
    }

    if (origin !== undefined && !isPublic && !allowed) {
      // Set on the context so the error reply built by onError carries them.
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Vary", "Origin");
      c.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
      throw new AppError("origin_not_allowed", `this page's origin (${origin.slice(0, 200)}) is not in ALLOWED_ORIGINS`, {
        field: "Origin",
      });
    }
    await next();
    if (isPublic) allowOrigin(c.res.headers, "*");
    else if (allowed) allowOrigin(c.res.headers, origin!);
  };
}
