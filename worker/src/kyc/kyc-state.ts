import type { KycState } from "../../../shared/api/kyc";
import { kycLinkUrl, type KycStatusData } from "../../../shared/machines/kyc";

/**
 * Machines' KYC payload as the widget reads it: the two hosted-verification links (a string or
 * `{url, params}`, and usually the same page) become one URL to open, and `reason: ""` becomes null.
 */
export function toKycState(data: KycStatusData): KycState {
  return {
    status: data.status,
    reason: data.reason ? data.reason : null,
    verificationUrl: kycLinkUrl(data.completionLink) ?? kycLinkUrl(data.externalVerificationLink),
    isActive: data.isActive,
    isTermsOfServiceAccepted: data.isTermsOfServiceAccepted,
  };
}

/** The state of someone who has never applied (Machines answers 404 for their status). */
export const NOT_SUBMITTED: KycState = {
  status: "not_submitted",
  reason: null,
  verificationUrl: null,
  isActive: null,
  isTermsOfServiceAccepted: false,
};
