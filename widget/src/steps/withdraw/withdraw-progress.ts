import { html, nothing, type TemplateResult } from "lit";
import type { Withdrawal } from "@machines-card/contract/api/withdrawals";
import { spinner } from "../../components/loading";
import { notice } from "../../components/notice";
import type { I18n, Translate } from "../../i18n/translator";
import type { WithdrawMessages } from "./withdraw.messages";
import { shortAddress } from "./withdraw-checks";
import type { Stage } from "./withdrawal-flow";

type Part = "prepare" | "sign" | "send" | "submit" | "confirm";

/** The parts a withdrawal goes through, in order (the approval only for coordinator_v2). */
export function partsOf(needsSignature: boolean): Part[] {
  return needsSignature ? ["prepare", "sign", "send", "submit", "confirm"] : ["prepare", "send", "submit", "confirm"];
}

/** The live status line for a stage ("Confirm in your wallet…"). */
export function stageText(t: Translate<WithdrawMessages>, stage: Stage): string | null {
  return stage === "prepare" || stage === "sign" || stage === "send" || stage === "submit" || stage === "confirm" ? t(`stage.${stage}`) : null;
}

/**
 * The progress list: what is done, the current part in words of what is happening now ("Confirm in your
 * wallet…", with a spinner, stopped when it failed), and what comes next.
 */
export function stageList(t: Translate<WithdrawMessages>, stage: Stage, needsSignature: boolean, failed: boolean): TemplateResult {
  const parts = partsOf(needsSignature);
  const at = parts.indexOf(stage as Part);
  return html`<ol class="stages" aria-label=${t("stages")}>
    ${parts.map((part, i) => {
      const state = i < at ? "done" : i === at ? "current" : "next";
      return html`<li class=${state} aria-current=${state === "current" ? "step" : nothing}>
        <span class="mark" aria-hidden="true">${state === "done" ? "✓" : state === "current" && !failed ? spinner() : i + 1}</span>
        <span>${state === "current" ? t(`stage.${part}`) : t(`label.${part}`)}</span>
        ${state === "next" ? nothing : html`<span class="visually-hidden">(${t(state === "done" ? "done" : "current")})</span>`}
      </li>`;
    })}
  </ol>`;
}

export interface ResultOptions {
  explorerUrl: string | null;
  onAgain: () => void;
}

/** Confirmed: the amount, where it went, and the transaction (a link to the explorer, or the hash to copy). */
export function confirmedView(t: Translate<WithdrawMessages>, i18n: I18n, w: Withdrawal, o: ResultOptions): TemplateResult {
  const hash = w.confirmedTxHash ?? w.submittedTxHash ?? "";
  const base = o.explorerUrl?.replace(/\/+$/, "");
  return html`${notice("success", t("confirmedText", { amount: i18n.money(w.amountCents), address: shortAddress(w.destination.address) }), {
      title: t("confirmedTitle"),
    })}
    <dl class="summary">
      <dt class="wide">${t("to")}</dt>
      <dd class="wide mono">${w.destination.address}</dd>
      <dt class="wide">${t("transaction")}</dt>
      <dd class="wide tx-hash">
        <span class="mono">${hash}</span>
        ${base
          ? html`<a href=${`${base}/tx/${hash}`} target="_blank" rel="noopener noreferrer">${t("viewTx")}</a>`
          : html`<mc-copy-button .value=${hash} label=${t("copyHash")} copied-label=${t("copied")}></mc-copy-button>`}
      </dd>
    </dl>
    <div class="actions">
      <button type="button" class="button secondary" part="button" data-action="another" @click=${o.onAgain}>${t("another")}</button>
    </div>`;
}

/** Failed on chain or expired: nothing moved; start again with the same details (a new key). */
export function endedView(t: Translate<WithdrawMessages>, w: Withdrawal | null, stage: "failed" | "expired", o: { onAgain: () => void; onBack: () => void }): TemplateResult {
  const detail = stage === "failed" && w?.failureReason ? w.failureReason : undefined;
  return html`${notice("warning", t(stage === "failed" ? "failedText" : "expiredText"), {
      title: t(stage === "failed" ? "failedTitle" : "expiredTitle"),
      detail,
    })}
    <div class="actions">
      <button type="button" class="button" part="button" data-action="start-again" @click=${o.onAgain}>${t("startAgain")}</button>
      <button type="button" class="button quiet" part="button" @click=${o.onBack}>${t("change")}</button>
    </div>`;
}
