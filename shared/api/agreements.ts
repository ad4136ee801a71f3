import * as z from "zod/mini";
import { defineRoute } from "./define-route";

export const Agreement = z.object({
  id: z.string(),
  text: z.string(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
});
export type Agreement = z.infer<typeof Agreement>;

export const Agreements = z.object({
  agreements: z.array(Agreement),
  accepted: z.boolean(),
  acceptedAt: z.nullable(z.string()),
});
export type Agreements = z.infer<typeof Agreements>;

export const AcceptAgreementsBody = z.strictObject({
  accepted: z.literal(true, { error: "must be true: the user has to consent explicitly" }),
});

export const agreementsRoutes = {
  getAgreements: defineRoute({
    method: "GET",
    path: "/v1/agreements",
    operationId: "getAgreements",
    tag: "agreements",
    summary: "The agreements to show (text and links) and whether they are accepted",
    auth: true,
    response: Agreements,
    errors: ["kyc_required"],
  }),
  acceptAgreements: defineRoute({
    method: "POST",
    path: "/v1/agreements",
    operationId: "acceptAgreements",
    tag: "agreements",
    summary: "Record the user's explicit consent to every agreement",
    auth: true,
    body: AcceptAgreementsBody,
    response: Agreements,
    errors: ["kyc_required"],
  }),
};
