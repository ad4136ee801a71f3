import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { fail, ok } from "@machines-card/contract/envelope";
import type { AppEnv } from "../env";
import type { AppError } from "../errors";
import { replyIdOf } from "./edge";

/** The success envelope `{ok:true, data, summary, errors:[], requestId}`. */
export function okReply<T>(c: Context<AppEnv>, data: T, summary: string, status: ContentfulStatusCode = 200): Response {
  return c.json({ ...ok(data, summary), requestId: replyIdOf(c) }, status);
}

/** The error envelope for an `AppError`, with `Retry-After` when it says when to try again. */
export function errorReply(c: Context<AppEnv>, error: AppError): Response {
  if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(Math.max(0, Math.ceil(error.retryAfterSeconds))));
  const body = { ...fail(error.items, error.message), requestId: replyIdOf(c) };
  return c.json(body, error.status as ContentfulStatusCode);
}
