import { Hono } from "hono";
import { type Agreement, AgreementsAcceptRequest, type AgreementsData } from "../../../shared/machines";
import { isoAt, type SimulatorContext } from "../context";
import { requireKycApproved } from "../domain/gates";
import { sessionAuth } from "../http/auth";
import { parseBody } from "../http/body";
import type { ApiEnv } from "../http/env";
import { reply } from "../http/reply";
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
  return new Hono<ApiEnv>()
    .get("/agreements", sessionAuth(ctx, "kyc.read"), (c) => {
      const user = c.get("user");
      requireKycApproved(user);
      return reply(c, agreementsData(user), "agreements");
    })
    .post("/agreements", sessionAuth(ctx, "kyc.write"), async (c) => {
      const user = c.get("user");
      requireKycApproved(user);
      await parseBody(c, AgreementsAcceptRequest);
      user.agreementsAcceptedAt ??= isoAt(ctx.now());
      return reply(c, agreementsData(user), "agreements accepted");
    });
}
