import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { log } from "../logging/log";
import { errorReply } from "./reply";

/**
 * The one place errors become replies. `AppError`s render as the envelope with their code, status and
 * field; anything else is a bug: it is logged (name and request id, no message body that could carry
 * data) and answered with a bare 500 `internal_error`.
 */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof AppError) {
    if (err.status >= 500) {
      log.warn("request_failed", { requestId: c.get("requestId"), code: err.code, status: err.status, path: c.req.routePath });
    }
    return errorReply(c, err);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return errorReply(c, new AppError("invalid_request", "the request could not be read", { status: err.status }));
  }
  log.error("internal_error", {
    requestId: c.get("requestId"),
    path: c.req.routePath,
    error: err?.name ?? "unknown",
    message: err?.message?.slice(0, 200),
  });
  return errorReply(c, new AppError("internal_error", "something went wrong; quote the request id when reporting it"));
}

export function notFound(c: Context<AppEnv>): Response {
  return errorReply(c, new AppError("not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 200)}`));
}
