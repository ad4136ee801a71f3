import { html, type TemplateResult } from "lit";
import type { Transaction } from "@machines-card/contract/api/transactions";
import type { I18n, Translate } from "../../i18n/translator";
import type { ActivityMessages } from "./activity.messages";


const KNOWN_STATUS = ["pending", "posted", "declined", "reversed", "completed"] as const;
const STATUS_BADGE: Record<string, string> = { pending: "warning", posted: "neutral", completed: "success", declined: "danger", reversed: "neutral" };

/** Whether money came in (a deposit or a payment) rather than went out (a purchase, a fee, a withdrawal). */
export function isCredit(tx: Transaction): boolean {
  if (tx.type === "collateral") return tx.amountCents >= 0;
  return tx.type === "payment";
}

export function typeLabel(t: Translate<ActivityMessages>, tx: Transaction): string {
  if (tx.type === "collateral") return t(isCredit(tx) ? "type.collateral.in" : "type.collateral.out");
  return t(`type.${tx.type}`);
}

/** The amount with its direction: "+$100.00" in, "-$12.34" out, in the page's locale. */
export function signedAmount(i18n: I18n, tx: Transaction): string {
  const abs = Math.abs(tx.amountCents);
  return isCredit(tx) ? `+${i18n.money(abs, tx.currency)}` : i18n.money(-abs, tx.currency);
}

/** One transaction: who or what, when, how much, and its status. */
export function activityRow(t: Translate<ActivityMessages>, i18n: I18n, tx: Transaction): TemplateResult {
  // A status the step does not know (the upstream's is free text) reads as in progress, never blank.
  const status = t(`status.${(KNOWN_STATUS as readonly string[]).includes(tx.status) ? (tx.status as (typeof KNOWN_STATUS)[number]) : "other"}`);
  const kind = typeLabel(t, tx);
  return html`<li class="tx" tabindex="-1" data-transaction-id=${tx.transactionId} data-type=${tx.type}>
    <div class="tx-main">
      <span class="tx-title">${tx.merchantName ?? kind}</span>
      <span class="muted small">${tx.merchantName ? `${kind} · ` : ""}<time datetime=${tx.createdAt}>${i18n.dateTime(tx.createdAt)}</time></span>
    </div>
    <div class="tx-side">
      <span class="amount ${isCredit(tx) ? "credit" : ""}">${signedAmount(i18n, tx)}</span>
      <span class="badge ${STATUS_BADGE[tx.status] ?? "neutral"}">${status}</span>
    </div>
  </li>`;
}
