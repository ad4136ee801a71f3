import type { KycApplication, KnownKycStatus, KycStatusData } from "@machines-card/contract/machines";
import { KYC_FINAL_STATUSES } from "@machines-card/contract/machines";
import { isoAt, type SimulatorContext } from "../context";
import { invalidState } from "../errors";
import type { UserRecord } from "../state/records";

/** Where the hosted-verification link points: the sandbox page served by the controls app. */
export const KYC_VERIFY_PATH = "/sandbox/kyc/verify";

/** Statuses in which the applicant must act on the hosted link. */
const LINKED_STATUSES: readonly KnownKycStatus[] = ["needs_verification", "needs_information"];

export const kycSignature = (ctx: SimulatorContext, userId: string) => ctx.secrets.sign("kyc-link", userId);

/**
 * The KYC status payload, shaped like the quickstart's replies: `reason` is `""` once submitted,
 * links only while the applicant must act, `isActive` true while in progress, `null` once approved.
 */
export async function kycStatusPayload(ctx: SimulatorContext, user: UserRecord): Promise<KycStatusData> {
  const { status, reason } = user.kyc;
  const link = LINKED_STATUSES.includes(status)
    ? {
        url: `${ctx.publicBaseUrl}${KYC_VERIFY_PATH}`,
        params: { userId: user.userId, signature: await kycSignature(ctx, user.userId) },
      }
    : null;
  const isActive = status === "approved" || status === "not_submitted" ? null : !["denied", "locked", "canceled"].includes(status);
  return {
    status,
    reason: status === "not_submitted" ? null : (reason ?? ""),
    completionLink: link,
    externalVerificationLink: link === null ? null : { url: link.url, params: { ...link.params } },
    isActive,
    isTermsOfServiceAccepted: user.agreementsAcceptedAt !== null,
  };
}

export function setKycStatus(ctx: SimulatorContext, user: UserRecord, status: KnownKycStatus, reason?: string | null): void {
  user.kyc.status = status;
  user.kyc.reason = reason ?? (status === "not_submitted" ? null : "");
  user.kyc.updatedAt = isoAt(ctx.now());
  ctx.log.info("kyc status", { userId: user.userId, status });
}

/**
 * Submits (or resubmits) an application. A last name containing "approved" (any case) is approved at
 * once; any other waits for the hosted verification. Resubmitting after a final status is refused.
 */
export function submitKyc(ctx: SimulatorContext, user: UserRecord, application: KycApplication): void {
  if ((KYC_FINAL_STATUSES as readonly string[]).includes(user.kyc.status)) {
    throw invalidState(`kyc is ${user.kyc.status}; the application cannot be resubmitted`);
  }
  user.kyc.submittedAt = isoAt(ctx.now());
  user.kyc.email = application.email;
  user.kyc.firstName = application.firstName;
  user.kyc.lastName = application.lastName;
  setKycStatus(ctx, user, /approved/i.test(application.lastName) ? "approved" : "needs_verification");
}

export const isKycApproved = (user: UserRecord) => user.kyc.status === "approved";
