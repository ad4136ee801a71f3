import { Hono } from "hono";
import {
  CARD_ID_MIN_LENGTH,
  CardCreateRequest,
  type CardDeleteData,
  type CardListData,
  CardsQuery,
  CardUpdateRequest,
} from "../../../shared/machines";
import { isoAt, type SimulatorContext } from "../context";
import { cardReply, createCard } from "../domain/cards";
import { requireAgreements } from "../domain/gates";
import { invalidRequest, invalidState, notFound } from "../errors";
import { sessionAuth } from "../http/auth";
import { parseBody, parseQuery } from "../http/body";
import type { ApiEnv } from "../http/env";
import { idempotencyKeyOf, idempotentCreate } from "../http/idempotency";
import { paginate } from "../http/pagination";
import { reply } from "../http/reply";
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
  return new Hono<ApiEnv>()
    .get("/cards", sessionAuth(ctx, "cards.read"), (c) => {
      const query = parseQuery(c, CardsQuery);
      const user = c.get("user");
      const { page, nextCursor } = paginate(ctx.store.cards(user.userId), (card) => card.cardId, {
        cursor: query.cursor,
        limit: query.limit ? Number(query.limit) : DEFAULT_PAGE,
      });
      const data: CardListData = { cards: page.map((card) => cardReply(card, user)), nextCursor };
      return reply(c, data, page.length ? "card list" : "no cards");
    })
    .post("/cards", sessionAuth(ctx, "cards.write"), async (c) => {
      const key = idempotencyKeyOf(c);
      const user = c.get("user");
      requireAgreements(user);
      const body = await parseBody(c, CardCreateRequest);
      const { value } = await idempotentCreate(ctx, {
        userId: user.userId,
        method: "POST",
        path: "/cards",
        key,
        body,
        create: async () => (await createCard(ctx, user, body)).cardId,
        load: (cardId) => cardReply(ctx.store.card(user.userId, cardId)!, user),
      });
      return reply(c, value, "card created");
    })
    .get("/cards/:cardId", sessionAuth(ctx, "cards.read"), (c) => {
      const user = c.get("user");
      return reply(c, cardReply(requireCard(ctx, user, c.req.param("cardId")), user), "card");
    })
    .patch("/cards/:cardId", sessionAuth(ctx, "cards.write"), async (c) => {
      const user = c.get("user");
      const card = requireCard(ctx, user, c.req.param("cardId"));
      const body = await parseBody(c, CardUpdateRequest);
      if (card.status === "canceled") throw invalidState("card is canceled");
      if (body.status) card.status = body.status;
      if (body.status === "canceled") card.deletedAt = isoAt(ctx.now());
      if (body.limit) card.limit = body.limit;
      if (body.encryptedName) card.encryptedName = body.encryptedName;
      if (body.encryptedColor) card.encryptedColor = body.encryptedColor;
      if (body.encryptedEmoji) card.encryptedEmoji = body.encryptedEmoji;
      if (body.encryptedMemo) card.encryptedMemo = body.encryptedMemo;
      return reply(c, cardReply(card, user), "card updated");
    })
    .delete("/cards/:cardId", sessionAuth(ctx, "cards.write"), (c) => {
      const card = requireCard(ctx, c.get("user"), c.req.param("cardId"));
      card.status = "canceled";
      card.deletedAt ??= isoAt(ctx.now());
      const data: CardDeleteData = { cardId: card.cardId, status: "canceled", deletedAt: card.deletedAt };
      return reply(c, data, "card deleted");
    });
}
