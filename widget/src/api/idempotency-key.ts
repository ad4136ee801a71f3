/**
 * A fresh `Idempotency-Key` for one user intent (one click on "Create card", one withdrawal).
 * Keep it while retrying that same intent, so the Worker never makes a second card or withdrawal.
 */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
