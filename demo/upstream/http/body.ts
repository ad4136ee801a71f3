import type { Context } from "hono";
import type * as z from "zod/mini";
import { invalidInput, machinesError } from "../errors";

/** Bodies above this size are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 64 * 1024;

const isJsonType = (contentType: string) => /^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(contentType);

/**
 * The request's JSON body. An empty body counts as `{}` (the docs send `--data '{}'`, clients often send
 * nothing); a body in another media type gives 415, broken JSON 400, an oversized body 413.
 */
export async function readJson(c: Context): Promise<unknown> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw machinesError(413, "payload_too_large", `request body is larger than ${MAX_BODY_BYTES} bytes`);
  const text = await c.req.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) throw machinesError(413, "payload_too_large", `request body is larger than ${MAX_BODY_BYTES} bytes`);
  if (text.trim() === "") return {};
  const contentType = c.req.header("content-type") ?? "";
  if (!isJsonType(contentType)) {
    throw machinesError(415, "unsupported_media_type", "request body must be JSON (Content-Type: application/json)");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw machinesError(400, "invalid_request", "request body is not valid JSON");
  }
}

/** Validates `value`, or throws 400 `invalid_request` with one error per issue, each naming its field. */
export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error.issues, prefix);
  return result.data;
}

export async function parseBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseWith(schema, await readJson(c));
}

export function parseQuery<S extends z.ZodMiniType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query());
}
