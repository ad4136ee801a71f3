import { Hono } from "hono";
import * as z from "zod/mini";
import { EVM_ADDRESS_PATTERN } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { invalidRequest, notFound } from "../errors";
import { FaultRuleInput } from "../http/faults";
import { parseBody } from "../http/body";
import { reply } from "../http/reply";
import { CollateralVersionBody, SettingsPatch } from "./schemas";

const FaultRules = z.union([FaultRuleInput, z.array(FaultRuleInput)]);

/** Run-time settings, fault injection and chain facts. */
export function settingsControls(ctx: SimulatorContext, reset: () => void) {
  return new Hono()
    .get("/settings", (c) => reply(c, { settings: ctx.settings }, "sandbox settings"))
    .patch("/settings", async (c) => {
      const patch = await parseBody(c, SettingsPatch);
      for (const [name, value] of Object.entries(patch)) if (value !== undefined) Object.assign(ctx.settings, { [name]: value });
      return reply(c, { settings: ctx.settings }, "sandbox settings updated");
    })
    .put("/collateral-versions/:walletAddress", async (c) => {
      const address = c.req.param("walletAddress");
      if (!EVM_ADDRESS_PATTERN.test(address)) throw invalidRequest("walletAddress must be a 0x-prefixed 20-byte hex address", "walletAddress");
      const { version } = await parseBody(c, CollateralVersionBody);
      ctx.settings.collateralVersionByWallet = { ...ctx.settings.collateralVersionByWallet, [address.toLowerCase()]: version };
      return reply(c, { walletAddress: address.toLowerCase(), version }, "collateral version chosen for this wallet");
    })
    .get("/faults", (c) => reply(c, { faults: ctx.faults.list() }, "sandbox faults"))
    .post("/faults", async (c) => {
      const body = await parseBody(c, FaultRules);
      const added = (Array.isArray(body) ? body : [body]).map((rule) => ctx.faults.add(rule));
      return reply(c, { faults: added }, "sandbox faults added", 201);
    })
    .delete("/faults", (c) => {
      ctx.faults.clear();
      return reply(c, { faults: [] }, "sandbox faults cleared");
    })
    .delete("/faults/:faultId", (c) => {
      if (!ctx.faults.remove(c.req.param("faultId"))) throw notFound("fault not found", "faultId");
      return reply(c, { faults: ctx.faults.list() }, "sandbox fault removed");
    })
    .get("/chain", (c) => {
      const chain = ctx.chain;
      const data = chain
        ? {
            connected: true,
            chainId: chain.chainId,
            rpcUrl: chain.rpcUrl,
            tokenAddress: chain.tokenAddress,
            tokenDecimals: chain.tokenDecimals,
            controllerAddress: chain.controllerAddress,
            coordinatorAddress: chain.coordinatorAddress,
            executorAddress: chain.executorAddress,
          }
        : { connected: false };
      return reply(c, data, "sandbox chain");
    })
    .post("/reset", (c) => {
      reset();
      return reply(c, { reset: true }, "sandbox state cleared");
    });
}
