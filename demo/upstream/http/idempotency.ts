import type { Context } from "hono";
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { idempotencyConflict, invalidRequest } from "../errors";
import { canonicalJson } from "../crypto/encoding";

/** The `Idempotency-Key` header if present; a length outside 8–128 gives 400 with that field. */
export function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
  if (key === undefined) return undefined;
  if (!IdempotencyKey.safeParse(key).success) {
    throw invalidRequest(`${IDEMPOTENCY_KEY_HEADER} must be 8 to 128 characters`, IDEMPOTENCY_KEY_HEADER);
  }
  return key;
}

export interface IdempotentCreate<T> {
  /** The user the key is scoped to (with the method and path). */
  userId: string;
  method: string;
  path: string;
  key: string | undefined;
  /** The validated body; the same key with another body gives 409 `idempotency_conflict`. */
  body: unknown;
  /** Creates the resource and returns its id. Failing leaves the key unused. */
  create: () => Promise<string>;
  /** Reads the resource (its current state) by id. */
  load: (resourceId: string) => T | Promise<T>;
}

/**
 * Same key and body → the same resource; concurrent duplicates share one creation. Keys are scoped
 * to (user, method, path) and kept 24 hours [sandbox choice, reference §7].
 */
export async function idempotentCreate<T>(ctx: SimulatorContext, p: IdempotentCreate<T>): Promise<{ value: T; replayed: boolean }> {
  if (p.key === undefined) return { value: await p.load(await p.create()), replayed: false };
  const scopedKey = `${p.userId} ${p.method} ${p.path} ${p.key}`;
  const body = canonicalJson(p.body);
  // Check and reserve without an await in between, so concurrent duplicates cannot both create.
  const existing = ctx.store.idempotency(scopedKey, ctx.now());
  if (existing) {
    if (existing.body !== body) throw idempotencyConflict();
    return { value: await p.load(existing.resourceId), replayed: true };
  }
  const inFlight = ctx.singleFlight.has(`idem:${scopedKey}`);
  const resourceId = await ctx.singleFlight.run(`idem:${scopedKey}`, async () => {
    const id = await p.create();
    ctx.store.putIdempotency(scopedKey, { body, resourceId: id, createdAtMs: ctx.now() });
    return { id, body };
  });
  if (inFlight && resourceId.body !== body) throw idempotencyConflict();
  return { value: await p.load(resourceId.id), replayed: inFlight };
}
