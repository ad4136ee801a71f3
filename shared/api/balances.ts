import * as z from "zod/mini";
import { defineRoute } from "./define-route";
import { Cents } from "./primitives";

/** Card balances, all in integer US cents. */
export const Balances = z.object({
  creditLimit: Cents,
  pendingCharges: Cents,
  postedCharges: Cents,
  balanceDue: Cents,
  spendingPower: z.int(),
});
export type Balances = z.infer<typeof Balances>;

export const balancesRoutes = {
  getBalances: defineRoute({
    method: "GET",
    path: "/v1/balances",
    operationId: "getBalances",
    tag: "balances",
    summary: "Credit limit, charges and spending power, in cents",
    auth: true,
    response: Balances,
  }),
};
