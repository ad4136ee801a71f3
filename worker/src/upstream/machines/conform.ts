import type * as z from "zod/mini";
import { UpstreamInvalidResponseError } from "./errors";

/**
 * Checks an upstream value against our contract's stricter schema (whole cents, integer chain ids) before it
 * goes into a reply: Machines' schemas accept any number, the widget's do not. A mismatch is Machines
 * breaking its documented contract, so it is `upstream_invalid_response`, never a reply the widget rejects.
 */
export function conform<S extends z.ZodMiniType>(schema: S, value: z.input<S>, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const at = parsed.error.issues.slice(0, 3).map((i) => i.path.join(".") || what);
  throw new UpstreamInvalidResponseError(`${what} does not match the documented shape at ${at.join(", ")}`);
}
