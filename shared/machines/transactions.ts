import * as z from "zod/mini";
import { openEnum, Timestamp, wholeNumberText } from "./common";

/** `GET /transactions` (`transactions.read`), with `type`, `cardId`, `limit` and `cursor` filters. */

export const TRANSACTION_TYPES = ["spend", "collateral", "payment", "fee"] as const;
export const TransactionType = z.enum(TRANSACTION_TYPES);
export type TransactionType = z.infer<typeof TransactionType>;

/** The guide says at most 100, the reference 1..200: the wider bound is accepted. */
export const TRANSACTIONS_LIMIT = { min: 1, max: 200, default: 50 } as const;

export const TransactionsQuery = z.object({
  /** Comma-separated types, e.g. `spend,fee`. */
  type: z.optional(
    z.string().check(
      z.refine(
        (value) => value.split(",").every((type) => (TRANSACTION_TYPES as readonly string[]).includes(type.trim())),
        { error: `must be a comma-separated list of: ${TRANSACTION_TYPES.join(", ")}` },
      ),
    ),
  ),
  cardId: z.optional(z.uuid({ error: "must be a card id (uuid)" })),
  limit: z.optional(wholeNumberText(TRANSACTIONS_LIMIT.min, TRANSACTIONS_LIMIT.max)),
  cursor: z.optional(z.string().check(z.minLength(1, { error: "must not be empty" }))),
});
export type TransactionsQuery = z.infer<typeof TransactionsQuery>;

export const TRANSACTION_STATUSES = ["pending", "posted"] as const;
export const TransactionStatus = openEnum(TRANSACTION_STATUSES);

export const Transaction = z.object({
  transactionId: z.string(),
  type: TransactionType,
  /** `posted` is the only value seen publicly (the sandbox also uses `pending`); open to others (§12). */
  status: TransactionStatus,
  amountCents: z.number(),
  currency: z.string(),
  merchantName: z.optional(z.nullable(z.string())),
  cardId: z.optional(z.nullable(z.string())),
  createdAt: Timestamp,
});
export type Transaction = z.infer<typeof Transaction>;

export const TransactionsData = z.object({
  transactions: z.array(Transaction),
  nextCursor: z.optional(z.nullable(z.string())),
});
export type TransactionsData = z.infer<typeof TransactionsData>;
