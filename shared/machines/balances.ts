import * as z from "zod/mini";

/** `GET /balances` (no extra scope). Every amount is in integer cents. */

export const Balances = z.object({
  creditLimit: z.number(),
  pendingCharges: z.number(),
  postedCharges: z.number(),
  balanceDue: z.number(),
  /** `creditLimit − pendingCharges − balanceDue`. */
  spendingPower: z.number(),
});
export type Balances = z.infer<typeof Balances>;

export const BalancesData = z.object({ balances: Balances });
export type BalancesData = z.infer<typeof BalancesData>;
