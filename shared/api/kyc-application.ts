import { KycApplication } from "../machines/kyc";
import { defineRoute } from "./define-route";
import { KycState } from "./kyc";

/**
 * The KYC submission. Its body is the one KYC application schema (`shared/machines/kyc.ts`), the same rules
 * the widget's form validates with and the Machines simulator enforces.
 */
export const kycApplicationRoutes = {
  submitKycApplication: defineRoute({
    method: "POST",
    path: "/v1/kyc/applications",
    operationId: "submitKycApplication",
    tag: "kyc",
    summary: "Submit the KYC application (rate-limited); answers the resulting KYC state",
    auth: true,
    body: KycApplication,
    response: KycState,
    errors: ["invalid_state", "rate_limited"],
  }),
};
