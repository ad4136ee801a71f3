import { html, nothing, type TemplateResult } from "lit";
import type { KnownKycStatus, KycState } from "@machines-card/contract/api/kyc";
import { spinner } from "../../components/loading";
import { notice } from "../../components/notice";
import { linkTarget } from "../../components/safe-link";
import type { KycMessageKey } from "./kyc.messages";

/** Statuses whose meaning the step knows; any other Machines may send reads as "in progress". */
const KNOWN_STATUSES: readonly string[] = ["pending", "manual_review", "needs_verification", "needs_information", "approved", "denied", "locked", "canceled"];
/** Statuses after which nothing changes without someone at Machines acting: no longer watched. */
const SETTLED_STATUSES: readonly string[] = ["not_submitted", "approved", "denied", "locked", "canceled"];
/** Statuses where the details may be sent again. */
export const RESUBMITTABLE_STATUSES: ReadonlySet<string> = new Set(["needs_information"]);

/** Every status but `not_submitted` (which shows the form instead), and `other` for one the step does not know. */
export type ShownKycStatus = Exclude<KnownKycStatus, "not_submitted"> | "other";

/** How the step shows a status: a status it does not know is in progress (never an error, never blank). */
export function shownStatus(status: string): ShownKycStatus {
  return KNOWN_STATUSES.includes(status) ? (status as ShownKycStatus) : "other";
}

/** Whether a status can still change without the user submitting anything (watched by polling); an unknown one can. */
export function isWatched(status: string): boolean {
  return !SETTLED_STATUSES.includes(status);
}

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
  const status = shownStatus(v.kyc.status);
  const t = v.t;
  const wantsLink = verificationUrl && (status === "needs_verification" || status === "needs_information");
  // Only a https page (http on this machine, for the local sandbox) becomes a link; anything else is refused.
  const link = wantsLink ? linkTarget(verificationUrl) : null;
  return html`<div class="stack status" data-status=${v.kyc.status}>
    <div class="spread">
      <h3 tabindex="-1" data-status-heading>${t(`status.${status}.title`)}</h3>
      <span class="badge ${tone(status)}">${t(`badge.${status}`)}</span>
    </div>
    <p>${t(`status.${status}.body`)}</p>
    ${reason && status !== "approved" ? html`<p class="reason">${t("reason", { reason })}</p>` : nothing}
    ${link
      ? html`<div class="stack-tight">
          <a class="button" part="button" href=${link} target="_blank" rel="noopener" @click=${v.onOpen}
            >${t("openVerification")}<span class="visually-hidden"> ${t("newWindow")}</span><span aria-hidden="true">↗</span></a
          >
          <p class="muted small">${t("newWindowHint")}</p>
        </div>`
      : wantsLink
        ? notice("warning", t("linkUnavailable"))
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
