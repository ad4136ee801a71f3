import { Hono } from "hono";
import { type Agreement, type AgreementsData, machinesApi } from "@machines-card/contract/machines";
import { isoAt, type SimulatorContext } from "../context";
import { requireKycApproved } from "../domain/gates";
import type { ApiEnv } from "../http/env";
import { serve } from "../http/serve";
import type { UserRecord } from "../state/records";

/** The agreement list, verbatim from the quickstart. */
export const AGREEMENTS: readonly Agreement[] = [
  {
    id: "esignConsent",
    text: "I accept the E-Sign Consent",
    links: [{ label: "E-Sign Consent", url: "https://machines.cash/e-sign" }],
  },
  {
    id: "accountOpeningPrivacyNotice",
    text: "I accept the Account Opening Privacy Notice",
    links: [{ label: "Account Opening Privacy Notice", url: "https://machines.cash/account-opening-privacy" }],
  },
  {
    id: "cardTermsAndIssuerPrivacyPolicy",
    text: "I accept the Machines Card Terms and the Issuer Privacy Policy",
    links: [
      { label: "Machines Card Terms", url: "https://machines.cash/machines-card-terms" },
      { label: "Issuer Privacy Policy", url: "https://www.third-national.com/privacypolicy" },
    ],
  },
  {
    id: "informationCertification",
    text: "I certify that the information I have provided is accurate and that I will abide by all the rules and requirements related to my Machines Spend Card.",
    links: [],
  },
  {
    id: "solicitationAcknowledgement",
    text: "I acknowledge that applying for the Machines Spend Card does not constitute unauthorized solicitation.",
    links: [],
  },
];

const agreementsData = (user: UserRecord): AgreementsData => ({
  agreements: structuredClone([...AGREEMENTS]),
  accepted: user.agreementsAcceptedAt !== null,
  acceptedAt: user.agreementsAcceptedAt,
});

/** 409 `invalid_state` until KYC is approved; accepting again keeps the first `acceptedAt`. */
export function agreementRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  serve(app, ctx, machinesApi.getAgreements, (c) => {
    const user = c.get("user");
    requireKycApproved(user);
    return { data: agreementsData(user), summary: "agreements" };
  });
  serve(app, ctx, machinesApi.acceptAgreements, async (c, request) => {
    const user = c.get("user");
    requireKycApproved(user);
    await request.body();
    user.agreementsAcceptedAt ??= isoAt(ctx.now());
    return { data: agreementsData(user), summary: "agreements accepted" };
  });
  return app;
}
