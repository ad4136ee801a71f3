import * as z from "zod/mini";
import { Balances } from "./balances";
import { Environment } from "./config";
import { defineRoute } from "./define-route";
import { KycState } from "./kyc";
import { Address } from "./primitives";
import { STEP_NAMES } from "../steps";

/**
 * Everything the widget needs to resume a returning user at the right step, in one call.
 * `nextStep`: kyc until approved, then agreements until accepted, then deposit until the card
 * has credit, then card.
 */
export const Bootstrap = z.object({
  user: z.object({
    /** The stable partner user id this person reaches Machines under. */
    id: z.string(),
    email: z.nullable(z.string()),
    walletAddress: Address,
    linkedAt: z.string(),
  }),
  environment: Environment,
  kyc: KycState,
  agreements: z.object({ accepted: z.boolean(), acceptedAt: z.nullable(z.string()) }),
  /** Null until agreements are accepted (Machines answers balances only then). */
  balances: z.nullable(Balances),
  nextStep: z.enum(STEP_NAMES),
});
export type Bootstrap = z.infer<typeof Bootstrap>;

export const meRoutes = {
  getMe: defineRoute({
    method: "GET",
    path: "/v1/me",
    operationId: "getMe",
    tag: "me",
    summary: "Who the signed-in user is, their KYC and agreement state, and the step to resume at",
    auth: true,
    response: Bootstrap,
  }),
};
