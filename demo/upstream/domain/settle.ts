import type { SimulatorContext } from "../context";
import { completeDeposit } from "./deposits";
import { postSpend } from "./ledger";

/**
 * Applies what time alone changes: processing deposits complete, pending purchases post, expired
 * sessions go. Run before every request, so replies never depend on timers (and tests move the clock).
 */
export function settle(ctx: SimulatorContext): void {
  const now = ctx.now();
  const processingMs = ctx.settings.depositProcessingSeconds * 1000;
  for (const deposit of ctx.store.deposits()) {
    if (deposit.status === "processing" && deposit.processingSinceMs !== null && deposit.processingSinceMs + processingMs <= now) {
      completeDeposit(ctx, deposit);
    }
  }
  for (const transaction of ctx.store.transactions()) {
    if (transaction.status === "pending" && transaction.postAtMs !== null && transaction.postAtMs <= now) postSpend(transaction);
  }
  ctx.store.pruneSessions(now);
}
