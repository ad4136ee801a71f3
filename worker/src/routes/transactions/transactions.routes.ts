import { Hono } from "hono";
import * as z from "zod/mini";
import { routes } from "@machines-card/contract/api/routes";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import { Transaction } from "@machines-card/contract/api/transactions";
import type { AppEnv } from "../../env";
import { mount } from "../../http/mount";
import { machinesFor } from "../../sessions/machines-for";
import { conform } from "../../upstream/machines/conform";

export const transactionsApp = new Hono<AppEnv>();

mount(transactionsApp, routes.listTransactions, async (c, { query }) => {
  const data = await machinesFor(c, "card").call(machinesApi.listTransactions, { query });
  const transactions = data.transactions.map((t) => ({ ...t, merchantName: t.merchantName ?? null, cardId: t.cardId ?? null }));
  return {
    data: { transactions: conform(z.array(Transaction), transactions, "transactions"), nextCursor: data.nextCursor ?? null },
    summary: "transactions",
  };
});
