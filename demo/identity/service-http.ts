import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as z from "zod/mini";
import { fail, type ErrorItem } from "@machines-card/contract/envelope";
import { issuesToErrors } from "@machines-card/contract/validation";

/**
 * Error replies of the sandbox's own services (identity issuer, sandbox wallet), in the envelope the
 * Worker and Machines use, so the widget reads one error shape from every party it talks to.
 */
export function errorReply(c: Context, status: ContentfulStatusCode, code: string, message: string, field?: string) {
  const item: ErrorItem = field ? { code, message, field } : { code, message };
  return c.json(fail([item]), status);
}

export type ParsedBody<T> = { ok: true; value: T } | { ok: false; errors: ErrorItem[] };

/**
 * Reads a JSON body and checks it against a schema. Anything that is not a JSON object
 * (no body, malformed JSON, a string, an array) is an `invalid_request`, never a crash.
 */
export async function readJsonBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<ParsedBody<z.infer<S>>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, errors: [{ code: "invalid_request", message: "body must be a JSON object" }] };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ code: "invalid_request", message: "body must be a JSON object" }] };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
  return { ok: true, value: parsed.data };
}

export function invalidBody(c: Context, errors: ErrorItem[]) {
  return c.json(fail(errors), 400);
}

export interface ServiceAppOptions {
  /** Label sent in the `X-Sandbox` header of every reply ("identity", "wallet"). */
  label: string;
  /** Largest accepted request body in bytes. */
  maxBodyBytes: number;
}

/**
 * A Hono app with what every sandbox service shares: CORS open to any origin (sandbox only: the
 * widget runs on another origin and sends no cookies), a body cap, the `X-Sandbox` label, and
 * JSON replies for unknown routes and unexpected failures (never HTML, never a stack trace).
 */
export function serviceApp(o: ServiceAppOptions): Hono {
  const app = new Hono();
  app.use(
    "*",
    cors({ origin: "*", allowMethods: ["GET", "POST", "OPTIONS"], allowHeaders: ["Content-Type", "Authorization"], maxAge: 600 }),
  );
  app.use("*", async (c, next) => {
    await next();
    c.header("X-Sandbox", o.label);
  });
  app.use(
    "*",
    bodyLimit({
      maxSize: o.maxBodyBytes,
      onError: (c) => errorReply(c, 413, "payload_too_large", `request body is larger than ${o.maxBodyBytes} bytes`),
    }),
  );
  app.notFound((c) => errorReply(c, 404, "not_found", `no route ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((err, c) => {
    console.error(`[${o.label}] ${c.req.method} ${new URL(c.req.url).pathname} failed: ${err.message}`);
    return errorReply(c, 500, "internal_error", "the sandbox service failed; see its console");
  });
  return app;
}
