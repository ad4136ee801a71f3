import { Hono } from "hono";
import { DecryptRequest, type DecryptData, EncryptRequest, type EncryptData } from "../../../shared/machines";
import type { SimulatorContext } from "../context";
import { decryptLabel, encryptLabel } from "../crypto/label-encryption";
import { invalidRequest, notFound } from "../errors";
import { sessionAuth } from "../http/auth";
import { parseBody } from "../http/body";
import type { ApiEnv } from "../http/env";
import { reply } from "../http/reply";

/** Label encryption for card names and the like; `crypto.*` scopes count as `encryption.*`. */
export function encryptionRoutes(ctx: SimulatorContext) {
  return new Hono<ApiEnv>()
    .post("/encryption/encrypt", sessionAuth(ctx, "encryption.write"), async (c) => {
      const { value } = await parseBody(c, EncryptRequest);
      const data: EncryptData = { value: await encryptLabel(ctx.secrets, c.get("user").userId, value) };
      return reply(c, data, "encrypted");
    })
    .post("/encryption/decrypt", sessionAuth(ctx, "encryption.read"), async (c) => {
      const { value } = await parseBody(c, DecryptRequest);
      const plain = await decryptLabel(ctx.secrets, c.get("user").userId, value);
      if (plain === null) throw invalidRequest("value cannot be decrypted for this user (wrong version, key or altered data)", "value");
      const data: DecryptData = { value: plain };
      return reply(c, data, "decrypted");
    })
    .get("/encryption/data-key", sessionAuth(ctx), () => {
      // Exists upstream, but its shape is not public [sandbox choice].
      throw notFound("encryption data keys are not available in the sandbox");
    });
}
