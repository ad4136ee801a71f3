import { Hono } from "hono";
import { CARD_ID_MIN_LENGTH, machinesApi } from "@machines-card/contract/machines";
import { isoAt, type SimulatorContext } from "../context";
import { cardReply, createCard } from "../domain/cards";
import { requireAgreements } from "../domain/gates";
import { invalidRequest, invalidState, notFound } from "../errors";
import type { ApiEnv } from "../http/env";
import { idempotentCreate } from "../http/idempotency";
import { paginate } from "../http/pagination";
import { serve } from "../http/serve";
import type { UserRecord } from "../state/records";

const DEFAULT_PAGE = 50;

export function requireCard(ctx: SimulatorContext, user: UserRecord, cardId: string) {
  if (cardId.length < CARD_ID_MIN_LENGTH) throw invalidRequest(`cardId must be at least ${CARD_ID_MIN_LENGTH} characters`, "cardId");
  const card = ctx.store.card(user.userId, cardId);
  if (!card) throw notFound("card not found", "cardId");
  return card;
}

/** Cards: list (cursor), create (idempotent, gated on agreements), get, update, cancel. */
export function cardRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  serve(app, ctx, machinesApi.listCards, (c, { query }) => {
    const user = c.get("user");
    const { page, nextCursor } = paginate(ctx.store.cards(user.userId), (card) => card.cardId, {
      cursor: query.cursor,
      limit: query.limit ? Number(query.limit) : DEFAULT_PAGE,
    });
    return { data: { cards: page.map((card) => cardReply(card, user)), nextCursor }, summary: page.length ? "card list" : "no cards" };
  });
  serve(app, ctx, machinesApi.createCard, async (c, request) => {
    const user = c.get("user");
    requireAgreements(user);
    const body = await request.body();
    const { value } = await idempotentCreate(ctx, {
      userId: user.userId,
      method: "POST",
      path: "/cards",
      key: request.idempotencyKey,
      body,
      create: async () => (await createCard(ctx, user, body)).cardId,
      load: (cardId) => cardReply(ctx.store.card(user.userId, cardId)!, user),
    });
    return { data: value, summary: "card created" };
  });
  serve(app, ctx, machinesApi.getCard, (c, { params }) => {
    const user = c.get("user");
    return { data: cardReply(requireCard(ctx, user, params.cardId), user), summary: "card" };
  });
  serve(app, ctx, machinesApi.updateCard, async (c, request) => {
    const user = c.get("user");
    const card = requireCard(ctx, user, request.params.cardId);
    const body = await request.body();
    if (card.status === "canceled") throw invalidState("card is canceled");
    if (body.status) card.status = body.status;
    if (body.status === "canceled") card.deletedAt = isoAt(ctx.now());
    if (body.limit) card.limit = body.limit;
    if (body.encryptedName) card.encryptedName = body.encryptedName;
    if (body.encryptedColor) card.encryptedColor = body.encryptedColor;
    if (body.encryptedEmoji) card.encryptedEmoji = body.encryptedEmoji;
    if (body.encryptedMemo) card.encryptedMemo = body.encryptedMemo;
    return { data: cardReply(card, user), summary: "card updated" };
  });
  serve(app, ctx, machinesApi.deleteCard, (c, { params }) => {
    const card = requireCard(ctx, c.get("user"), params.cardId);
    card.status = "canceled";
    card.deletedAt ??= isoAt(ctx.now());
    return { data: { cardId: card.cardId, status: "canceled" as const, deletedAt: card.deletedAt }, summary: "card deleted" };
  });
  return app;
}
