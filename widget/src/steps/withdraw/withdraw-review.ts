import { html, nothing, type TemplateResult } from "lit";
import type { Withdrawal, WithdrawalEstimate } from "@machines-card/contract/api/withdrawals";
import type { I18n, Translate } from "../../i18n/translator";
import type { WithdrawMessages } from "./withdraw.messages";
import { shortAddress, signedCall } from "./signed-call";


export interface SummaryFacts {
  withdrawal: Withdrawal;
  /** The estimate for this amount and destination (null when none could be had). */
  estimate: WithdrawalEstimate | null;
  /** The destination network's name ("Base"). */
  networkLabel: string;
  /** The chain the transaction runs on (the Worker's config). */
  chainName: string;
}

/** Whether the wallet can make this withdrawal's call (an EVM controller or coordinator). */
export const callable = (w: Withdrawal) => w.execution?.callPath === "controller_v1" || w.execution?.callPath === "coordinator_v2";

/** What arrives, in the destination asset ("49.5 USDC"), or null when unknown. */
export function arrives(i18n: I18n, estimate: WithdrawalEstimate | null): string | null {
  if (!estimate || estimate.estimatedToAmount === null) return null;
  return `${i18n.number(estimate.estimatedToAmount)} ${estimate.toCurrency.toUpperCase()}`;
}

/**
 * The preview the user confirms before the wallet is asked: amount, rate, what arrives, where, on
 * which network, the contract the wallet calls and why, from which wallet, and until when.
 */
export function withdrawalSummary(t: Translate<WithdrawMessages>, i18n: I18n, f: SummaryFacts, full = true): TemplateResult {
  const w = f.withdrawal;
  const e = f.estimate;
  const received = arrives(i18n, e);
  const rate = e && e.estimatedToAmount !== null && e.fromAmount > 0 ? e.estimatedToAmount / e.fromAmount : null;
  const path = callable(w) ? w.execution!.callPath : "other";
  // Addresses get a row of their own, label above, so they read in one piece.
  const row = (label: string, value: TemplateResult | string, wide = false) =>
    html`<dt class=${wide ? "wide" : ""}>${label}</dt>
      <dd class=${wide ? "wide mono" : ""}>${value}</dd>`;
  // What the wallet signs, decoded from the bound call (the form's values only while there is no call yet).
  const signed = signedCall(w);
  const expiresAt = signed?.expiresAt;
  const sent = signed
    ? t(signed.unitsKnown ? "youSendSigned" : "youSendBaseUnits", {
        amount: signed.cents === null ? "" : i18n.money(signed.cents),
        units: signed.units,
        token: shortAddress(signed.token),
      })
    : i18n.money(w.amountCents);
  const to = signed?.payout?.address ?? signed?.recipient ?? w.destination.address;
  return html`<dl class="summary" data-signed=${signed ? "call" : "request"}>
    ${row(t("youSend"), sent)}
    ${rate !== null ? row(t("rate"), t("rateValue", { rate: i18n.number(rate, 4), currency: e!.toCurrency.toUpperCase() })) : nothing}
    ${row(t("youReceive"), received ? t("receiveValue", { amount: received }) : t("receiveUnknown"))}
    ${row(t("to"), to, true)} ${row(t("onNetwork"), signed?.payout?.network ?? f.networkLabel)}
    ${(signed?.payout ? signed.payout.extraId : w.destination.extraId) ? row(t("memo"), (signed?.payout?.extraId ?? w.destination.extraId)!, true) : nothing}
    ${full
      ? html`${w.relay ? row(t("via"), t("viaValue", { address: signed?.recipient ?? w.relay.payinAddress })) : nothing}
        ${row(t("payout"), f.chainName)}
        ${row(
          t("contract"),
          html`${w.execution?.callTarget ?? "—"}<span class="small muted block">${t(`path.${path as "controller_v1" | "coordinator_v2" | "other"}`)}</span>`,
          true,
        )}
        ${row(t("from"), w.adminAddress, true)}
        ${expiresAt
          ? row(
              t("validUntil"),
              t("validValue", {
                time: i18n.dateTime(new Date(expiresAt * 1000).toISOString()),
                minutes: Math.max(0, Math.round((expiresAt * 1000 - Date.now()) / 60_000)),
              }),
            )
          : nothing}`
      : nothing}
  </dl>`;
}
