import * as z from "zod/mini";
import { defineRoute } from "./define-route";
import { Cursor, ResourceId } from "./primitives";

export const TransactionType = z.enum(["spend", "collateral", "payment", "fee"]);
export type TransactionType = z.infer<typeof TransactionType>;

export const Transaction = z.object({
  transactionId: z.string(),
  type: TransactionType,
  /** Free text upstream; `pending` and `posted` are the ones seen. */
  status: z.string(),
  amountCents: z.int(),
  currency: z.string(),
  merchantName: z.nullable(z.string()),
  cardId: z.nullable(z.string()),
  createdAt: z.string(),
});
export type Transaction = z.infer<typeof Transaction>;

export const transactionRoutes = {
  listTransactions: defineRoute({
    method: "GET",
    path: "/v1/transactions",
    operationId: "listTransactions",
    tag: "transactions",
    summary: "Card activity: spend, collateral, payments and fees",
    auth: true,
    query: z.strictObject({
      /** Comma-separated subset of spend, collateral, payment, fee. */
      type: z.optional(z.string().check(z.regex(/^(spend|collateral|payment|fee)(,(spend|collateral|payment|fee))*$/, { error: "must be a comma-separated list of spend, collateral, payment, fee" }))),
      cardId: z.optional(ResourceId),
      limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
      cursor: z.optional(Cursor),
    }),
    response: z.object({ transactions: z.array(Transaction), nextCursor: z.nullable(z.string()) }),
  }),
};
