import { Hono } from "hono";
import { routes } from "@machines-card/contract/api/routes";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import { recordAudit } from "../../audit/audit.queries";
import type { AppEnv } from "../../env";
import { requestIdsOf } from "../../http/edge";
import { AppError } from "../../errors";
import { mount } from "../../http/mount";
import { machinesFor } from "../../sessions/machines-for";
import { advanceWithdrawal } from "../../withdrawals/advance-withdrawal";
import { prepareWithdrawal } from "../../withdrawals/prepare-withdrawal";
import { reconcileWithdrawal } from "../../withdrawals/reconcile-withdrawal";
import { submitWithdrawal } from "../../withdrawals/submit-withdrawal";
import { withdrawalView } from "../../withdrawals/withdrawal-view";
import { findWithdrawal, listWithdrawals } from "../../withdrawals/withdrawals.queries";
import { createWithdrawalFor } from "./create-withdrawal";
import { withdrawalDeps } from "./withdrawal-deps";

/**
 * Withdrawals: quotes (assets, range, estimate) from Machines, and the lifecycle the Worker keeps in D1:
 * create (idempotent) → pending → ready → prepare (the wallet's call) → submit (its hash) → confirmed
 * or failed, reconciled with the chain on every read and by the Cron Trigger.
 */
export const withdrawalsApp = new Hono<AppEnv>();

// The contract's parts are optional in `RouteInput`'s types; `mount` has parsed every part a route declares,
// hence the `!` below on params, query, body and the (required) Idempotency-Key.

mount(withdrawalsApp, routes.listWithdrawalAssets, async (c, { query }) => {
  const data = await machinesFor(c, "card").call(machinesApi.listWithdrawalAssets, { query: { q: query!.q, limit: query!.limit } });
  return { data, summary: "withdrawal assets" };
});

mount(withdrawalsApp, routes.getWithdrawalRange, async (c, { body }) => {
  const data = await machinesFor(c, "card").call(machinesApi.getWithdrawalRange, { body: { destination: body!.destination } });
  return { data, summary: "withdrawal range" };
});

mount(withdrawalsApp, routes.estimateWithdrawal, async (c, { body }) => {
  const data = await machinesFor(c, "card").call(machinesApi.estimateWithdrawal, { body: { destination: body!.destination, amountCents: body!.amountCents } });
  return { data, summary: "withdrawal estimate" };
});

mount(withdrawalsApp, routes.createWithdrawal, async (c, { body, idempotencyKey }) => {
  const record = await createWithdrawalFor(c, body!, idempotencyKey!);
  return { data: { withdrawal: withdrawalView(record, Date.now()) }, summary: `withdrawal ${record.status}` };
});

mount(withdrawalsApp, routes.listWithdrawals, async (c) => {
  const now = Date.now();
  const records = await listWithdrawals(c.env.DB, c.get("user").user.partnerUserId);
  return { data: { withdrawals: records.map((r) => withdrawalView(r, now)) }, summary: "withdrawals" };
});

mount(withdrawalsApp, routes.getWithdrawal, async (c, { params }) => {
  const deps = withdrawalDeps(c);
  let record = await ownWithdrawal(c.env.DB, c.get("user").user.partnerUserId, params!.withdrawalId);
  if (record.status === "pending") record = await advanceWithdrawal(deps, record);
  if (record.status === "ready" || record.status === "submitted") record = await reconcileWithdrawal(deps, record);
  return { data: { withdrawal: withdrawalView(record, deps.now()) }, summary: "withdrawal" };
});

mount(withdrawalsApp, routes.prepareWithdrawal, async (c, { params, body }) => {
  const record = await ownWithdrawal(c.env.DB, c.get("user").user.partnerUserId, params!.withdrawalId);
  const prepared = await prepareWithdrawal(withdrawalDeps(c), record, body!);
  return { data: prepared, summary: prepared.kind === "typedData" ? "withdrawal typed data" : "withdrawal transaction" };
});

mount(withdrawalsApp, routes.submitWithdrawal, async (c, { params, body }) => {
  const deps = withdrawalDeps(c);
  const record = await ownWithdrawal(c.env.DB, c.get("user").user.partnerUserId, params!.withdrawalId);
  const submitted = await submitWithdrawal(deps, record, body!.txHash as `0x${string}`);
  await recordAudit(c.env.DB, {
    partnerUserId: record.partnerUserId,
    action: "withdrawal.submit",
    resourceId: record.id,
    outcome: "succeeded",
    ...requestIdsOf(c),
    createdAt: new Date(deps.now()).toISOString(),
  });
  return { data: { withdrawal: withdrawalView(submitted, deps.now()) }, summary: "withdrawal submitted" };
});

/** The user's own withdrawal; anyone else's is 404, exactly like one that does not exist. */
async function ownWithdrawal(db: D1Database, partnerUserId: string, id: string) {
  const record = await findWithdrawal(db, partnerUserId, id);
  if (!record) throw new AppError("not_found", "no such withdrawal");
  return record;
}
