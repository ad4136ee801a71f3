import * as z from "zod/mini";
import { KycStatus, KycValuesData } from "../machines/kyc";
import { defineRoute } from "./define-route";

/**
 * Machines' KYC statuses, as the Worker reports them: the known ones typed (`KnownKycStatus`), an unknown
 * one carried as a string, which the widget shows as in progress.
 */
export { KYC_STATUSES, KycStatus, type KnownKycStatus } from "../machines/kyc";

/**
 * The user's KYC state as the Worker reports it. Machines sends hosted-verification links either as a
 * string or as `{url, params}`; the Worker normalises both to one URL the widget can open.
 */
export const KycState = z.object({
  status: KycStatus,
  reason: z.nullable(z.string()),
  /** Hosted verification page to open in a new window, when the status asks for one. */
  verificationUrl: z.nullable(z.string()),
  isActive: z.nullable(z.boolean()),
  isTermsOfServiceAccepted: z.boolean(),
});
export type KycState = z.infer<typeof KycState>;

/** The KYC form exactly as Machines describes it (`/kyc/values`): the Worker passes it through, checked. */
export { KycField } from "../machines/kyc";
export const KycValues = KycValuesData;
export type KycValues = KycValuesData;

export const kycRoutes = {
  getKycValues: defineRoute({
    method: "GET",
    path: "/v1/kyc/values",
    operationId: "getKycValues",
    tag: "kyc",
    summary: "The KYC form: fields, rules, enums and the occupation list",
    auth: true,
    response: KycValues,
  }),
  // submitKycApplication is declared in ./kyc-application.ts: its body is the shared KYC application schema.
  getKycStatus: defineRoute({
    method: "GET",
    path: "/v1/kyc/status",
    operationId: "getKycStatus",
    tag: "kyc",
    summary: "The user's KYC status and, when needed, the hosted verification link",
    auth: true,
    response: KycState,
  }),
};
