import { html, nothing, type TemplateResult } from "lit";
import { KYC_STATUSES, type KnownKycStatus, type KycState, type KycStatus } from "../../../../shared/api/kyc";
import { knownStatus } from "../../../../shared/machines/common";
import { spinner } from "../../components/loading";
import { notice } from "../../components/notice";
import type { KycMessageKey } from "./kyc.messages";

/** Statuses that can still change without the user submitting anything: watched by polling. */
export const WATCHED_STATUSES: ReadonlySet<KycStatus> = new Set(["pending", "manual_review", "needs_verification", "needs_information"]);
/** Statuses where the details may be sent again. */
export const RESUBMITTABLE_STATUSES: ReadonlySet<KycStatus> = new Set(["needs_information"]);

/** Every status but `not_submitted`, which shows the form instead. */
export type ShownKycStatus = Exclude<KnownKycStatus, "not_submitted">;

/** A status Machines added since this was written is shown as in progress (`pending`). */
export const shownKycStatus = (status: KycStatus): KnownKycStatus => knownStatus(status, KYC_STATUSES, "pending");

function tone(status: ShownKycStatus): "success" | "warning" | "danger" | "neutral" {
  if (status === "approved") return "success";
  if (status === "denied" || status === "locked") return "danger";
  return status.startsWith("needs_") ? "warning" : "neutral";
}

export interface KycStatusView {
  kyc: KycState;
  t(key: KycMessageKey, values?: Record<string, string | number>): string;
  /** The user opened the verification page in another window. */
  opened: boolean;
  watching: boolean;
  checking: boolean;
  pollFailed: boolean;
  onOpen(): void;
  onCheck(): void;
  onUpdate(): void;
  onContinue(): void;
}

/** The status in plain language: what it means, what to do next, and the way on. */
export function kycStatusView(v: KycStatusView): TemplateResult {
  const { reason, verificationUrl } = v.kyc;
  const status = shownKycStatus(v.kyc.status) as ShownKycStatus;
  const t = v.t;
  const link = verificationUrl && (status === "needs_verification" || status === "needs_information");
  return html`<div class="stack status" data-status=${status}>
    <div class="spread">
      <h3 tabindex="-1" data-status-heading>${t(`status.${status}.title`)}</h3>
      <span class="badge ${tone(status)}">${t(`badge.${status}`)}</span>
    </div>
    <p>${t(`status.${status}.body`)}</p>
    ${reason && status !== "approved" ? html`<p class="reason">${t("reason", { reason })}</p>` : nothing}
    ${link
      ? html`<div class="stack-tight">
          <a class="button" part="button" href=${verificationUrl} target="_blank" rel="noopener" @click=${v.onOpen}
            >${t("openVerification")}<span class="visually-hidden"> ${t("newWindow")}</span><span aria-hidden="true">↗</span></a
          >
          <p class="muted small">${t("newWindowHint")}</p>
        </div>`
      : nothing}
    ${v.watching
      ? html`<div class="row muted small watching">
          ${v.checking ? spinner() : nothing}
          <span>${v.opened ? t("waiting") : t("watching")}</span>
          <button type="button" class="button quiet" part="button" ?disabled=${v.checking} @click=${v.onCheck}>
            ${v.checking ? t("checking") : t("checkNow")}
          </button>
        </div>`
      : nothing}
    ${v.pollFailed ? notice("warning", t("pollError")) : nothing}
    ${RESUBMITTABLE_STATUSES.has(status)
      ? html`<div class="actions"><button type="button" class="button secondary" part="button" @click=${v.onUpdate}>${t("updateDetails")}</button></div>`
      : nothing}
    ${status === "approved"
      ? html`<div class="actions"><button type="button" class="button block" part="button" data-continue @click=${v.onContinue}>${t("continue")}</button></div>`
      : nothing}
  </div>`;
}
