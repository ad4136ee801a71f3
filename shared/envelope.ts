import * as z from "zod/mini";

/**
 * The response envelope of the Machines partner API, which the Worker keeps for its own replies
 * so that a client reads one shape everywhere: `{ ok, data, summary, errors, next? }`.
 */
export const ErrorItem = z.object({
  code: z.string(),
  message: z.string(),
  field: z.optional(z.string()),
});
export type ErrorItem = z.infer<typeof ErrorItem>;

export const Next = z.object({
  pollAfterMs: z.optional(z.number()),
  suggestedTool: z.optional(z.string()),
  suggestedArgs: z.optional(z.record(z.string(), z.unknown())),
});

/** A successful envelope around `data`. */
export const okEnvelope = <T extends z.ZodMiniType>(data: T) =>
  z.object({
    ok: z.literal(true),
    data,
    summary: z.string(),
    errors: z.array(ErrorItem),
    next: z.optional(Next),
    requestId: z.optional(z.string()),
  });

/** A failed envelope: `ok:false`, `data:null` and at least one error item. */
export const ErrorEnvelope = z.object({
  ok: z.literal(false),
  data: z.null(),
  summary: z.string(),
  errors: z.array(ErrorItem).check(z.minLength(1)),
  requestId: z.optional(z.string()),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

export type OkEnvelope<T> = {
  ok: true;
  data: T;
  summary: string;
  errors: ErrorItem[];
  next?: z.infer<typeof Next>;
  requestId?: string;
};

export function ok<T>(data: T, summary: string): OkEnvelope<T> {
  return { ok: true, data, summary, errors: [] };
}

export function fail(errors: ErrorItem[], summary = errors[0]?.message ?? "request failed"): ErrorEnvelope {
  return { ok: false, data: null, summary, errors };
}
