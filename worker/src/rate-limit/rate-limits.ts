import type { Bindings } from "../env";

/**
 * The per-user limits on sensitive actions. Deployed, each is a Workers rate-limit binding declared in
 * wrangler.toml (`[[ratelimits]]`, which Miniflare also runs locally); without the binding, an
 * in-isolate fixed window with the same numbers stands in.
 */
export const RATE_LIMITS = {
  /** Card number and CVC reveals. */
  reveal: { binding: "REVEAL_RATE_LIMIT", limit: 5, periodSeconds: 60 },
  /** KYC application submissions. */
  kycSubmit: { binding: "KYC_SUBMIT_RATE_LIMIT", limit: 5, periodSeconds: 60 },
  /** Withdrawal creations (including retries that follow a pending one). */
  withdrawalCreate: { binding: "WITHDRAWAL_CREATE_RATE_LIMIT", limit: 30, periodSeconds: 60 },
} as const satisfies Record<string, { binding: keyof Bindings; limit: number; periodSeconds: number }>;

export type RateLimitName = keyof typeof RATE_LIMITS;
