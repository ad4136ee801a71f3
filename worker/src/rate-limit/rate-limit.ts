import type { Bindings } from "../env";
import { AppError } from "../errors";
import { BoundedMap } from "../memory/isolate-memory";
import { RATE_LIMITS, type RateLimitName } from "./rate-limits";

/** Fixed windows per (limit, key), for when no binding is configured. Bounded: old windows are dropped. */
const windows = new BoundedMap<string, { start: number; count: number }>(10_000);

function localLimit(name: RateLimitName, key: string, now: number): boolean {
  const { limit, periodSeconds } = RATE_LIMITS[name];
  const id = `${name}:${key}`;
  const period = periodSeconds * 1000;
  const current = windows.get(id);
  if (!current || now - current.start >= period) {
    windows.set(id, { start: now, count: 1 });
    return true;
  }
  current.count++;
  return current.count <= limit;
}

/** Thrown when a user exceeds a limit: 429 `rate_limited` with `Retry-After`. */
export class RateLimitedError extends AppError {
  override name = "RateLimitedError";
  constructor(name: RateLimitName) {
    super("rate_limited", "too many attempts; wait a minute and try again", { retryAfterSeconds: RATE_LIMITS[name].periodSeconds });
  }
}

/**
 * Counts one attempt of `name` by `key` (the partner user id) and throws `RateLimitedError` past the limit.
 *
 * @example
 * await enforceRateLimit(c.env, "withdrawalCreate", c.get("user").user.partnerUserId);
 */
export async function enforceRateLimit(env: Bindings, name: RateLimitName, key: string): Promise<void> {
  const binding = env[RATE_LIMITS[name].binding];
  const allowed = binding ? (await binding.limit({ key })).success : localLimit(name, key, Date.now());
  if (!allowed) throw new RateLimitedError(name);
}
