import { html, nothing, type TemplateResult } from "lit";
import type { Balances } from "@machines-card/contract/api/balances";
import type { Deposit } from "@machines-card/contract/api/deposits";
import { spinner } from "../../components/loading";
import { notice } from "../../components/notice";
import { qrCode } from "./deposit-qr";
import type { DepositMessages } from "./deposit.messages";
import type { Translate } from "../../i18n/translator";


/** Statuses of a deposit still waiting for, or crediting, the user's transfer (`pending` appears in the API reference's example). */
export const ACTIVE_DEPOSIT_STATUSES = new Set(["awaitingDeposit", "pending", "processing"]);
/** Statuses after which a deposit no longer changes. */
const FINAL_DEPOSIT_STATUSES = new Set(["completed", "failed", "canceled"]);

/** Whether a deposit may still change, so it is watched: every status but the final ones, also one the step does not know. */
export const isMoving = (status: string) => !FINAL_DEPOSIT_STATUSES.has(status);

/** The message key of a status: Machines' `pending` reads like `awaitingDeposit`; unknown ones as "other". */
export function statusKey(status: string): "awaitingDeposit" | "processing" | "completed" | "failed" | "canceled" | "other" {
  if (status === "pending") return "awaitingDeposit";
  return (["awaitingDeposit", "processing", "completed", "failed", "canceled"] as const).find((s) => s === status) ?? "other";
}

function badge(t: Translate<DepositMessages>, key: ReturnType<typeof statusKey>) {
  // A status the step does not know reads as in progress: it is still watched (never an error, never blank).
  if (key === "other") return html`${spinner()}<span class="badge neutral">${t("badge.other")}</span>`;
  if (key !== "completed" && key !== "failed" && key !== "canceled") return spinner();
  return html`<span class="badge ${key === "completed" ? "success" : "danger"}">${t(`badge.${key}`)}</span>`;
}

export interface DepositAddressView {
  t: Translate<DepositMessages>;
  deposit: Deposit;
  /** What to send and where, in words: `rUSD`, `Base`. */
  assetName: string;
  networkName: string;
  /** `1 RUSD` style. */
  amount(value: number): string;
  money(cents: number): string;
  /** "Reference: …" for support (the element's own sentence). */
  reference(id: string): string;
  balances: Balances | null;
  /** The credit limit did not grow yet after completion (production refreshes it a few minutes later). */
  balanceStale: boolean;
  pollFailed: boolean;
  onRefresh(): void;
  onContinue(): void;
  onAnother(): void;
  /** The sandbox-only "add test funds" control, when the Worker offers it (`test-funds.ts`). */
  testFunds?: TemplateResult | typeof nothing;
}

/** Where to send the money (address, QR code, memo, the network in words) and how the deposit is going. */
export function depositAddress(v: DepositAddressView): TemplateResult {
  const { t, deposit } = v;
  const key = statusKey(deposit.status);
  const active = ACTIVE_DEPOSIT_STATUSES.has(deposit.status);
  const address = deposit.depositAddress;
  return html`<div class="stack deposit" data-status=${deposit.status}>
    <div class="spread">
      <h3 tabindex="-1" data-status-heading>${t(`status.${key}`, { status: deposit.status })}</h3>
      ${badge(t, key)}
    </div>
    <p class="muted">${t(`body.${key}`)}</p>
    ${active && address
      ? html`${notice("warning", t("sendOnly", { asset: v.assetName, network: v.networkName }))}
          <div class="address-card panel">
            ${qrCode(address, t("qr"))}
            <div class="stack-tight address-text">
              <span class="small muted">${t("address")}</span>
              <code class="mono address">${address}</code>
              <mc-copy-button .value=${address} label=${t("copyAddress")} copied-label=${t("copied")}></mc-copy-button>
              ${deposit.minAmount !== null ? html`<p class="small">${t("sendAtLeast", { amount: v.amount(deposit.minAmount) })}</p>` : nothing}
            </div>
          </div>
          ${deposit.payinExtraId
            ? html`<div class="memo panel stack-tight">
                <strong>${t("memo")}</strong>
                <code class="mono memo-value">${deposit.payinExtraId}</code>
                <p class="small">${t("memoWarning")}</p>
                <mc-copy-button .value=${deposit.payinExtraId} label=${t("copyMemo")} copied-label=${t("copied")}></mc-copy-button>
              </div>`
            : nothing}
          ${v.testFunds ?? nothing}`
      : nothing}
    ${v.pollFailed ? notice("warning", t("pollError")) : nothing}
    ${key === "completed" && v.balances
      ? html`<dl class="summary balances">
            <dt>${t("creditLimit")}</dt>
            <dd data-credit-limit>${v.money(v.balances.creditLimit)}</dd>
            <dt>${t("spendingPower")}</dt>
            <dd>${v.money(v.balances.spendingPower)}</dd>
          </dl>
          ${v.balanceStale
            ? html`<p class="small muted row">${t("balanceSoon")}
                <button type="button" class="button quiet" part="button" @click=${v.onRefresh}>${t("refresh")}</button></p>`
            : nothing}`
      : nothing}
    ${key === "failed" || key === "canceled" ? html`<p class="small muted mono">${v.reference(deposit.id)}</p>` : nothing}
    ${active
      ? nothing
      : html`<div class="actions">
          ${key === "completed"
            ? html`<button type="button" class="button" part="button" data-continue @click=${v.onContinue}>${t("continue")}</button>`
            : nothing}
          <button type="button" class="button secondary" part="button" @click=${v.onAnother}>${t(key === "completed" ? "another" : "startOver")}</button>
        </div>`}
  </div>`;
}
