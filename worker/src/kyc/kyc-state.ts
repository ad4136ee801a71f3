import type { KycState } from "@machines-card/contract/api/kyc";
import { kycLinkUrl, type KycStatusData } from "@machines-card/contract/machines/kyc";
import { followableLink, type LinkCheck } from "../upstream/machines/links";

/**
 * Machines' KYC payload as the widget reads it: the two hosted-verification links (a string or
 * `{url, params}`, and usually the same page) become one URL to open, if it is one the widget may offer
 * (`followableLink`: https, or the local sandbox's loopback page), and `reason: ""` becomes null.
 */
export function toKycState(data: KycStatusData, links: Omit<LinkCheck, "what">): KycState {
  const completion = followableLink(kycLinkUrl(data.completionLink), { ...links, what: "kyc.completionLink" });
  return {
    status: data.status,
    reason: data.reason ? data.reason : null,
    verificationUrl: completion ?? followableLink(kycLinkUrl(data.externalVerificationLink), { ...links, what: "kyc.externalVerificationLink" }),
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
