import { Hono } from "hono";
import { machinesApi } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { balancesOf } from "../domain/balances";
import type { ApiEnv } from "../http/env";
import { serve } from "../http/serve";

/** `GET /balances`: no extra scope (the quickstart reads it with a KYC-only token). */
export function balanceRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  serve(app, ctx, machinesApi.getBalances, (c) => ({ data: { balances: balancesOf(ctx.store, c.get("user").userId) }, summary: "balances" }));
  return app;
}
