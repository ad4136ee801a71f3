import { Hono } from "hono";
import { machinesApi } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { ids } from "../crypto/encoding";
import { cardNumbers, encryptSecret, newSecretKey } from "../crypto/card-secrets";
import { invalidRequest, invalidState } from "../errors";
import type { ApiEnv } from "../http/env";
import { serve } from "../http/serve";
import { requireCard } from "./cards";

/** A secrets session lasts 10 minutes and serves any of its user's cards [sandbox choice]. */
export const CARD_SECRETS_SESSION_TTL_MS = 10 * 60 * 1000;

/** Card secrets: a session with a fresh AES-128 key, then the PAN and CVC encrypted under it. */
export function cardSecretRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  serve(app, ctx, machinesApi.createCardSecretsSession, async (c, request) => {
    await request.body();
    const session = {
      sessionId: ids.uuid(),
      userId: c.get("user").userId,
      secretKey: newSecretKey(),
      expiresAtMs: ctx.now() + CARD_SECRETS_SESSION_TTL_MS,
    };
    ctx.store.putCardSecretsSession(session);
    return { data: { sessionId: session.sessionId, secretKey: session.secretKey }, summary: "card secrets session" };
  });
  serve(app, ctx, machinesApi.getCardSecrets, async (c, request) => {
    const user = c.get("user");
    const card = requireCard(ctx, user, request.params.cardId);
    const { sessionId } = await request.body();
    const session = ctx.store.cardSecretsSession(user.userId, sessionId, ctx.now());
    if (!session) throw invalidRequest("sessionId is unknown or expired; create a new secrets session", "sessionId");
    if (card.status === "canceled") throw invalidState("card is canceled");
    const { pan, cvc } = await cardNumbers(ctx.secrets, card.cardId);
    const data = {
      encryptedPan: await encryptSecret(session.secretKey, pan),
      encryptedCvc: await encryptSecret(session.secretKey, cvc),
    };
    c.header("Cache-Control", "no-store");
    return { data, summary: "card secrets" };
  });
  return app;
}
