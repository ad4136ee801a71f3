import type { Balances } from "@machines-card/contract/machines";
import type { Store } from "../state/store";

/**
 * Balances in cents [sandbox choice]: the credit limit is the collateral credited so far; pending and
 * posted card spend come from the transactions; `spendingPower = creditLimit − pendingCharges − balanceDue`.
 * There is no repayment in the sandbox, so the balance due is everything posted.
 */
export function balancesOf(store: Store, userId: string): Balances {
  const user = store.user(userId);
  let pendingCharges = 0;
  let postedCharges = 0;
  for (const transaction of store.transactions(userId)) {
    if (transaction.type !== "spend") continue;
    if (transaction.status === "pending") pendingCharges += transaction.amountCents;
    else postedCharges += transaction.amountCents;
  }
  const creditLimit = user?.creditLimitCents ?? 0;
  const balanceDue = postedCharges;
  return { creditLimit, pendingCharges, postedCharges, balanceDue, spendingPower: creditLimit - pendingCharges - balanceDue };
}
