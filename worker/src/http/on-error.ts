import type { Context } from "hono";
import { routes } from "@machines-card/contract/api/routes";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { log } from "../logging/log";
import { requestIdsOf } from "./edge";
import { errorReply } from "./reply";

/**
 * The one place errors become replies. `AppError`s render as the envelope with their code, status and
 * field; anything else is a bug: it is logged (name and request id, no message body that could carry
 * data) and answered with a bare 500 `internal_error`.
 */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof AppError) {
    if (err.status >= 500) {
      log.warn("request_failed", { ...requestIdsOf(c), code: err.code, status: err.status, path: c.req.routePath });
    }
    return errorReply(c, err);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return errorReply(c, new AppError("invalid_request", "the request could not be read", { status: err.status }));
  }
  log.error("internal_error", {
    ...requestIdsOf(c),
    path: c.req.routePath,
    error: err?.name ?? "unknown",
    message: err?.message?.slice(0, 200),
  });
  return errorReply(c, new AppError("internal_error", "something went wrong; quote the request id when reporting it"));
}

/** Every path the Worker serves (contract routes and the public ones) with its methods, as patterns. */
const KNOWN_PATHS: { pattern: RegExp; method: string }[] = [
  ...Object.values(routes).map((route) => ({ pattern: pathPattern(route.path), method: route.method })),
  { pattern: pathPattern("/healthz"), method: "GET" },
  { pattern: pathPattern("/openapi.json"), method: "GET" },
];

function pathPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/** 404 for an unknown path; 405 with `Allow` for a known path asked with another method. */
export function notFound(c: Context<AppEnv>): Response {
  const path = new URL(c.req.url).pathname;
  const allowed = [...new Set(KNOWN_PATHS.filter((known) => known.pattern.test(path)).map((known) => known.method))];
  if (allowed.length > 0) {
    c.header("Allow", [...allowed, "OPTIONS"].join(", "));
    return errorReply(c, new AppError("method_not_allowed", `${c.req.method} is not allowed on ${path.slice(0, 200)}; use ${allowed.join(" or ")}`));
  }
  return errorReply(c, new AppError("not_found", `no route for ${c.req.method} ${path.slice(0, 200)}`));
}
