import { Hono } from "hono";
import type { BalancesData } from "../../../shared/machines";
import type { SimulatorContext } from "../context";
import { balancesOf } from "../domain/balances";
import { sessionAuth } from "../http/auth";
import type { ApiEnv } from "../http/env";
import { reply } from "../http/reply";

/** `GET /balances`: no extra scope (the quickstart reads it with a KYC-only token). */
export function balanceRoutes(ctx: SimulatorContext) {
  return new Hono<ApiEnv>().get("/balances", sessionAuth(ctx), (c) => {
    const data: BalancesData = { balances: balancesOf(ctx.store, c.get("user").userId) };
    return reply(c, data, "balances");
  });
}
