import { Hono } from "hono";
import { machinesApi, type Transaction, TRANSACTIONS_LIMIT } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import type { ApiEnv } from "../http/env";
import { paginate } from "../http/pagination";
import { serve } from "../http/serve";
import type { TransactionRecord } from "../state/records";

export function transactionReply(record: TransactionRecord): Transaction {
  return {
    transactionId: record.transactionId,
    type: record.type,
    status: record.status,
    amountCents: record.amountCents,
    currency: record.currency,
    ...(record.merchantName !== null ? { merchantName: record.merchantName } : {}),
    ...(record.cardId !== null ? { cardId: record.cardId } : {}),
    createdAt: record.createdAt,
  };
}

/** `GET /transactions`: newest first, filtered by `type` (comma-separated) and `cardId`, paged by `cursor`. */
export function transactionRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  serve(app, ctx, machinesApi.listTransactions, (c, { query }) => {
    const types = query.type?.split(",").map((type) => type.trim());
    const matching = ctx.store
      .transactions(c.get("user").userId)
      .reverse()
      .filter((record) => (!types || types.includes(record.type)) && (!query.cardId || record.cardId === query.cardId));
    const { page, nextCursor } = paginate(matching, (record) => record.transactionId, {
      cursor: query.cursor,
      limit: query.limit ? Number(query.limit) : TRANSACTIONS_LIMIT.default,
    });
    return { data: { transactions: page.map(transactionReply), nextCursor }, summary: "transactions" };
  });
  return app;
}
