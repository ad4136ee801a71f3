import * as z from "zod/mini";
import { AgreementsData } from "../machines/agreements";
import { defineRoute } from "./define-route";

/** Machines' agreements, passed on as they are (links only when `https:`). */
export { Agreement } from "../machines/agreements";
export const Agreements = AgreementsData;
export type Agreements = AgreementsData;

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
