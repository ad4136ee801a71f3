import { Hono } from "hono";
import { Balances } from "@machines-card/contract/api/balances";
import { routes } from "@machines-card/contract/api/routes";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import type { AppEnv } from "../../env";
import { mount } from "../../http/mount";
import { machinesFor } from "../../sessions/machines-for";
import { conform } from "../../upstream/machines/conform";

export const balancesApp = new Hono<AppEnv>();

mount(balancesApp, routes.getBalances, async (c) => ({
  data: conform(Balances, (await machinesFor(c, "any").call(machinesApi.getBalances)).balances, "balances"),
  summary: "balances",
}));
