import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { fail, ok } from "@machines-card/contract/envelope";
import { MachinesError } from "../errors";
import type { SimulatorLogger } from "../options";

/** A successful envelope with the documented summary. */
export function reply<T>(c: Context, data: T, summary: string, status: ContentfulStatusCode = 200) {
  return c.json(ok(data, summary), status);
}

/** The one place failures become responses: the Machines error envelope, never HTML or a stack trace. */
export function errorResponse(c: Context, error: unknown, log: SimulatorLogger): Response {
  if (error instanceof MachinesError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(fail(error.items), error.status);
  }
  log.error("unhandled error", { method: c.req.method, path: c.req.path, error: String(error) });
  return c.json(fail([{ code: "internal_error", message: "the sandbox failed to handle this request" }]), 500);
}

export function notFoundResponse(c: Context): Response {
  return c.json(fail([{ code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` }]), 404);
}
