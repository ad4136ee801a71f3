import type { Context } from "hono";
import type * as z from "zod/mini";
import type { Card, CreateCardBody } from "@machines-card/contract/api/cards";
import type { CardCreateRequest } from "@machines-card/contract/machines/cards";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import { bytesToHex } from "../crypto/base64";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { log } from "../logging/log";
import { machinesFor } from "../sessions/machines-for";
import { inOurFieldNames } from "./card-fields";
import { rememberLabel } from "./card-labels";
import { claimCardRequest, completeCardRequest } from "./card-requests.queries";
import { toCard } from "./card-view";

async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))));
}

/**
 * Creates a card at most once per (user, Idempotency-Key). The label is encrypted through Machines, which
 * uses a fresh IV each time, so two requests with one key would otherwise send different bodies. The first
 * request to claim the key in D1 fixes the upstream body; every request with that key (a double click, a
 * retry, fifty at once) forwards that same body with the same key, and Machines answers them all with one card.
 */
export async function createCardOnce(c: Context<AppEnv>, body: z.output<typeof CreateCardBody>, idempotencyKey: string): Promise<Card> {
  const { user } = c.get("user");
  const machines = machinesFor(c, "card");
  const requestHash = await sha256Hex(JSON.stringify({ label: body.label ?? null, limit: body.limit ?? null }));

  const upstream: CardCreateRequest = {};
  if (body.label !== undefined) upstream.encryptedName = (await machines.call(machinesApi.encryptValue, { body: { value: body.label } })).value;
  if (body.limit !== undefined) upstream.limit = body.limit;

  const claimed = await claimCardRequest(c.env.DB, {
    partnerUserId: user.partnerUserId,
    idempotencyKey,
    requestHash,
    upstreamBody: JSON.stringify(upstream),
    cardId: null,
    createdAt: new Date().toISOString(),
  });
  if (claimed.requestHash !== requestHash) {
    throw new AppError("idempotency_conflict", "this Idempotency-Key was already used for a different card; use a new key", {
      field: "Idempotency-Key",
    });
  }
  const sent = JSON.parse(claimed.upstreamBody) as CardCreateRequest;
  const card = await machines.call(machinesApi.createCard, { body: sent, idempotencyKey }).catch(inOurFieldNames);
  if (sent.encryptedName && body.label !== undefined) rememberLabel(user.partnerUserId, sent.encryptedName, body.label);
  if (claimed.cardId === null) {
    c.executionCtx.waitUntil(
      completeCardRequest(c.env.DB, user.partnerUserId, idempotencyKey, card.cardId).catch((e: unknown) =>
        log.warn("card_request_complete_failed", { requestId: c.get("requestId"), error: (e as Error)?.name }),
      ),
    );
  }
  return toCard(card, body.label ?? null, { limit: body.limit ?? null });
}
