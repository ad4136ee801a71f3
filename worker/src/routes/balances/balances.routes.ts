import { Hono } from "hono";
import { Balances } from "../../../../shared/api/balances";
import { routes } from "../../../../shared/api/routes";
import { machinesApi } from "../../../../shared/machines/endpoints";
import type { AppEnv } from "../../env";
import { mount } from "../../http/mount";
import { machinesFor } from "../../sessions/machines-for";
import { conform } from "../../upstream/machines/conform";

export const balancesApp = new Hono<AppEnv>();

mount(balancesApp, routes.getBalances, async (c) => ({
  data: conform(Balances, (await machinesFor(c, "any").call(machinesApi.getBalances)).balances, "balances"),
  summary: "balances",
}));
