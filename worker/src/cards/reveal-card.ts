import type { Context } from "hono";
import { CardSecrets } from "@machines-card/contract/api/cards";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import { recordAudit } from "../audit/audit.queries";
import type { AppEnv } from "../env";
import { requestIdsOf } from "../http/edge";
import { AppError } from "../errors";
import { log } from "../logging/log";
import { enforceRateLimit } from "../rate-limit/rate-limit";
import { machinesFor } from "../sessions/machines-for";
import type { MachinesCaller } from "../upstream/machines/machines-caller";
import { conform } from "../upstream/machines/conform";
import { decryptCardSecret } from "./card-secret";

/**
 * The card's number and CVC for its owner's screen. The secrets session's `secretKey` stays in this
 * function; the card is read with the user's own session, so another user's card is Machines' 404. Every
 * attempt is rate-limited per user and audited (outcome only). The reply must not be cached anywhere.
 */
export async function revealCard(c: Context<AppEnv>, cardId: string): Promise<CardSecrets> {
  const { user } = c.get("user");
  const audit = (outcome: string) => {
    const write = recordAudit(c.env.DB, {
      partnerUserId: user.partnerUserId,
      action: "card.reveal",
      resourceId: cardId,
      outcome,
      ...requestIdsOf(c),
      createdAt: new Date().toISOString(),
    }).catch((e: unknown) => log.error("audit_failed", { requestId: c.get("requestId"), error: (e as Error)?.name }));
    c.executionCtx.waitUntil(write);
  };
  c.header("Cache-Control", "no-store, max-age=0");
  c.header("Pragma", "no-cache");

  try {
    await enforceRateLimit(c.env, "reveal", user.partnerUserId);
  } catch (e) {
    audit("rate_limited");
    throw e;
  }
  try {
    const revealed = await readCardSecrets(machinesFor(c, "card"), cardId);
    audit("succeeded");
    return revealed;
  } catch (e) {
    audit(e instanceof AppError && e.code === "not_found" ? "not_found" : "failed");
    throw e;
  }
}

/**
 * Fetches and decrypts one card's number, CVC and expiry with the user's own session, so another user's
 * card is Machines' 404. The secrets session's `secretKey` stays in this function. Shared by the JSON
 * reveal above and the reveal frame (`reveal/redeem-reveal-ticket.ts`).
 */
export async function readCardSecrets(machines: MachinesCaller, cardId: string): Promise<CardSecrets> {
  const [session, card] = await Promise.all([
    machines.call(machinesApi.createCardSecretsSession, { body: {} }),
    machines.call(machinesApi.getCard, { params: { cardId } }),
  ]);
  const secrets = await machines.call(machinesApi.getCardSecrets, { params: { cardId }, body: { sessionId: session.sessionId } });
  const [pan, cvc] = await Promise.all([
    decryptCardSecret(session.secretKey, secrets.encryptedPan),
    decryptCardSecret(session.secretKey, secrets.encryptedCvc),
  ]);
  return conform(
    CardSecrets,
    {
      pan,
      cvc,
      expirationMonth: secrets.expirationMonth ?? card.expirationMonth,
      expirationYear: secrets.expirationYear ?? card.expirationYear,
      last4: secrets.last4 ?? card.last4,
    },
    "card secrets",
  );
}
