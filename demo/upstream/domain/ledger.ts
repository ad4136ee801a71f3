import { isoAt, type SimulatorContext } from "../context";
import { ids } from "../crypto/encoding";
import type { TransactionRecord, UserRecord } from "../state/records";

/**
 * Credit and the transaction list move together: every change of collateral is a `collateral`
 * transaction (negative when collateral leaves), every card purchase a `spend` one.
 */
export function creditCollateral(ctx: SimulatorContext, user: UserRecord, cents: number): TransactionRecord {
  user.creditLimitCents = Math.max(0, user.creditLimitCents + cents);
  return ctx.store.putTransaction({
    transactionId: ids.uuid(),
    userId: user.userId,
    type: "collateral",
    status: "posted",
    amountCents: cents,
    currency: "USD",
    merchantName: null,
    cardId: null,
    createdAt: isoAt(ctx.now()),
    postAtMs: null,
  });
}

export function recordSpend(
  ctx: SimulatorContext,
  p: { userId: string; cardId: string; amountCents: number; merchantName: string; posted: boolean },
): TransactionRecord {
  return ctx.store.putTransaction({
    transactionId: ids.uuid(),
    userId: p.userId,
    type: "spend",
    status: p.posted ? "posted" : "pending",
    amountCents: p.amountCents,
    currency: "USD",
    merchantName: p.merchantName,
    cardId: p.cardId,
    createdAt: isoAt(ctx.now()),
    postAtMs: p.posted ? null : ctx.now() + ctx.settings.purchasePostingSeconds * 1000,
  });
}

export function postSpend(transaction: TransactionRecord): void {
  transaction.status = "posted";
  transaction.postAtMs = null;
}
