import { Hono } from "hono";
import * as z from "zod/mini";
import { CardSecretsRequest, type CardSecretsData, type CardSecretsSessionData } from "../../../shared/machines";
import type { SimulatorContext } from "../context";
import { ids } from "../crypto/encoding";
import { cardNumbers, encryptSecret, newSecretKey } from "../crypto/card-secrets";
import { invalidRequest, invalidState } from "../errors";
import { sessionAuth } from "../http/auth";
import { parseBody } from "../http/body";
import type { ApiEnv } from "../http/env";
import { reply } from "../http/reply";
import { requireCard } from "./cards";

/** A secrets session lasts 10 minutes and serves any of its user's cards [sandbox choice]. */
export const CARD_SECRETS_SESSION_TTL_MS = 10 * 60 * 1000;

/** The session body is `{}` (an object; members are ignored). */
const CardSecretsSessionBody = z.object({});

/** Card secrets: a session with a fresh AES-128 key, then the PAN and CVC encrypted under it. */
export function cardSecretRoutes(ctx: SimulatorContext) {
  return new Hono<ApiEnv>()
    .post("/cards/secrets/session", sessionAuth(ctx, "cards.secrets.read"), async (c) => {
      await parseBody(c, CardSecretsSessionBody);
      const session = {
        sessionId: ids.uuid(),
        userId: c.get("user").userId,
        secretKey: newSecretKey(),
        expiresAtMs: ctx.now() + CARD_SECRETS_SESSION_TTL_MS,
      };
      ctx.store.putCardSecretsSession(session);
      const data: CardSecretsSessionData = { sessionId: session.sessionId, secretKey: session.secretKey };
      return reply(c, data, "card secrets session");
    })
    .post("/cards/:cardId/secrets", sessionAuth(ctx, "cards.secrets.read"), async (c) => {
      const user = c.get("user");
      const card = requireCard(ctx, user, c.req.param("cardId"));
      const { sessionId } = await parseBody(c, CardSecretsRequest);
      const session = ctx.store.cardSecretsSession(user.userId, sessionId, ctx.now());
      if (!session) throw invalidRequest("sessionId is unknown or expired; create a new secrets session", "sessionId");
      if (card.status === "canceled") throw invalidState("card is canceled");
      const { pan, cvc } = await cardNumbers(ctx.secrets, card.cardId);
      const data: CardSecretsData = {
        encryptedPan: await encryptSecret(session.secretKey, pan),
        encryptedCvc: await encryptSecret(session.secretKey, cvc),
      };
      c.header("Cache-Control", "no-store");
      return reply(c, data, "card secrets");
    });
}
