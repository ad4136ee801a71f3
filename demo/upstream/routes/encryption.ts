import { Hono } from "hono";
import { machinesApi } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { decryptLabel, encryptLabel } from "../crypto/label-encryption";
import { invalidRequest, notFound } from "../errors";
import type { ApiEnv } from "../http/env";
import { serve } from "../http/serve";

/** Label encryption for card names and the like; `crypto.*` scopes count as `encryption.*`. */
export function encryptionRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  serve(app, ctx, machinesApi.encryptValue, async (c, request) => {
    const { value } = await request.body();
    return { data: { value: await encryptLabel(ctx.secrets, c.get("user").userId, value) }, summary: "encrypted" };
  });
  serve(app, ctx, machinesApi.decryptValue, async (c, request) => {
    const { value } = await request.body();
    const plain = await decryptLabel(ctx.secrets, c.get("user").userId, value);
    if (plain === null) throw invalidRequest("value cannot be decrypted for this user (wrong version, key or altered data)", "value");
    return { data: { value: plain }, summary: "decrypted" };
  });
  serve(app, ctx, machinesApi.getEncryptionDataKey, () => {
    // Exists upstream, but its shape is not public [sandbox choice].
    throw notFound("encryption data keys are not available in the sandbox");
  });
  return app;
}
