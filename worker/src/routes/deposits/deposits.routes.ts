import { Hono } from "hono";
import * as z from "zod/mini";
import { Asset, Deposit, DepositEstimate, DepositRange } from "@machines-card/contract/api/deposits";
import { routes } from "@machines-card/contract/api/routes";
import type { Deposit as MachinesDeposit } from "@machines-card/contract/machines/deposits";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import type { AppEnv } from "../../env";
import { mount } from "../../http/mount";
import { machinesFor } from "../../sessions/machines-for";
import { conform } from "../../upstream/machines/conform";
import { MachinesApiError } from "../../upstream/machines/errors";

export const depositsApp = new Hono<AppEnv>();

/** A Machines deposit as the contract shows it: the fields Machines may leave out are present, null when absent. */
const toDeposit = (d: MachinesDeposit): Deposit =>
  conform(Deposit, { ...d, changeNowId: d.changeNowId ?? null, payinExtraId: d.payinExtraId ?? null, maxAmount: d.maxAmount ?? null }, "deposit");

/** Machines creates the collateral contract on first use; a deposit created in that moment is retried once (as the public example does). */
const MISSING_CONTRACT_RETRY_MS = 1_500;

// Static paths before `/v1/deposits/:depositId`.
mount(depositsApp, routes.listDepositAssets, async (c, { query }) => {
  const data = await machinesFor(c, "any").call(machinesApi.listDepositAssets, { query: { q: query.q, limit: query.limit } });
  return { data: { assets: conform(z.array(Asset), data.assets, "assets") }, summary: "deposit assets" };
});

mount(depositsApp, routes.getDepositRange, async (c, { body }) => {
  const data = await machinesFor(c, "any").call(machinesApi.getDepositRange, { body });
  return { data: { range: conform(DepositRange, data.range, "range") }, summary: "deposit range" };
});

mount(depositsApp, routes.estimateDeposit, async (c, { body }) => {
  const data = await machinesFor(c, "any").call(machinesApi.estimateDeposit, { body });
  return { data: { estimate: conform(DepositEstimate, data.estimate, "estimate") }, summary: "deposit estimate" };
});

mount(depositsApp, routes.createDeposit, async (c, { body, idempotencyKey }) => {
  const machines = machinesFor(c, "any");
  const create = () => machines.call(machinesApi.createDeposit, { body, idempotencyKey });
  let data;
  try {
    data = await create();
  } catch (e) {
    if (!(e instanceof MachinesApiError && e.code === "missing_contract")) throw e;
    await new Promise((resolve) => setTimeout(resolve, MISSING_CONTRACT_RETRY_MS));
    data = await create();
  }
  return { data: { deposit: toDeposit(data.deposit) }, summary: "deposit created" };
});

mount(depositsApp, routes.listDeposits, async (c, { query }) => {
  const data = await machinesFor(c, "any").call(machinesApi.listDeposits, { query: { scope: query.scope } });
  return { data: { deposits: data.deposits.map(toDeposit) }, summary: "deposits" };
});

mount(depositsApp, routes.getDeposit, async (c, { params }) => {
  const data = await machinesFor(c, "any").call(machinesApi.getDeposit, { params });
  return { data: { deposit: toDeposit(data.deposit) }, summary: "deposit" };
});
