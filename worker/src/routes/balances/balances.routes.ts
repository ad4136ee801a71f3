import { Hono } from "hono";
import { Balances } from "../../../../shared/api/balances";
import { routes } from "../../../../shared/api/routes";
import type { AppEnv } from "../../env";
import { mount } from "../../routing/mount";
import { machinesFor } from "../../sessions/machines-for";
import { conform } from "../../upstream/machines/conform";
import { getBalances } from "../../upstream/machines/get-balances";

export const balancesApp = new Hono<AppEnv>();

mount(balancesApp, routes.getBalances, async (c) => ({
  data: conform(Balances, await getBalances(machinesFor(c, "any")), "balances"),
  summary: "balances",
}));
