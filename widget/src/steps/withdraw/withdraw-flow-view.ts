import { html, nothing, type TemplateResult } from "lit";
import type { Withdrawal } from "@machines-card/contract/api/withdrawals";
import { spinner } from "../../components/loading";
import { notice } from "../../components/notice";
import type { I18n, Translate } from "../../i18n/translator";
import type { WithdrawMessages } from "./withdraw.messages";
import { stageList } from "./withdraw-progress";
import { callable, withdrawalSummary, type SummaryFacts } from "./withdraw-review";
import type { Stage } from "./withdrawal-flow";


export interface FlowViewModel {
  stage: Stage;
  withdrawal: Withdrawal | null;
  facts: Omit<SummaryFacts, "withdrawal">;
  needsSignature: boolean;
  busy: boolean;
  slow: boolean;
  failed: boolean;
  /** The failure to show, with its retry. */
  notice: TemplateResult | undefined;
  onConfirm: () => void;
  onChange: () => void;
}

/**
 * A withdrawal under way: the preview to confirm (`review`), or the progress list while it is prepared,
 * signed, sent and confirmed, with what it is and any failure to retry.
 */
export function flowView(t: Translate<WithdrawMessages>, i18n: I18n, m: FlowViewModel): TemplateResult {
  const { stage, withdrawal: w } = m;
  const review = stage === "review";
  const title = review ? "reviewTitle" : stage === "prepare" ? "preparingTitle" : "progressTitle";
  // Before the wallet is asked the user may still change their mind; once a hash is out, not.
  const changeable = review || stage === "prepare" || (m.failed && stage !== "submit" && stage !== "confirm");
  return html`<h3 data-view-heading tabindex="-1">${t(title)}</h3>
    ${review ? html`<p class="muted">${t("reviewIntro")}</p>` : stageList(t, stage, m.needsSignature, m.failed)}
    ${m.slow ? notice("info", t("slow")) : nothing} ${w ? withdrawalSummary(t, i18n, { ...m.facts, withdrawal: w }, review) : nothing}
    ${m.notice ?? nothing}
    <div class="actions">
      ${review && !m.notice && w && callable(w)
        ? html`<button type="button" class="button" part="button" data-action="confirm" aria-busy=${m.busy ? "true" : "false"}
            ?disabled=${m.busy} @click=${m.onConfirm}>
            ${m.busy ? spinner() : nothing}${t("confirm")}
          </button>`
        : nothing}
      ${changeable
        ? html`<button type="button" class="button quiet" part="button" ?disabled=${m.busy} @click=${m.onChange}>${t("change")}</button>`
        : nothing}
    </div>`;
}
