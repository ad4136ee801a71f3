import { Hono } from "hono";
import { routes } from "@machines-card/contract/api/routes";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import type { AppEnv } from "../../env";
import { mount } from "../../http/mount";
import { machinesFor } from "../../sessions/machines-for";
import type { CardUpdateRequest } from "@machines-card/contract/machines/cards";
import { inOurFieldNames } from "../../cards/card-fields";
import { decryptLabel, rememberLabel } from "../../cards/card-labels";
import { toCard } from "../../cards/card-view";
import { createCardOnce } from "../../cards/create-card-once";
import { revealCard } from "../../cards/reveal-card";

export const cardsApp = new Hono<AppEnv>();

mount(cardsApp, routes.listCards, async (c, { query }) => {
  const machines = machinesFor(c, "card");
  const { partnerUserId } = c.get("user").user;
  const page = await machines.call(machinesApi.listCards, { query: { cursor: query.cursor } });
  const cards = await Promise.all(page.cards.map(async (card) => toCard(card, await decryptLabel(machines, partnerUserId, card.encryptedName))));
  return { data: { cards, nextCursor: page.nextCursor ?? null }, summary: cards.length ? "card list" : "no cards" };
});

mount(cardsApp, routes.createCard, async (c, { body, idempotencyKey }) => ({
  // Required by the contract: validation has refused the request without it.
  data: { card: await createCardOnce(c, body, idempotencyKey!) },
  summary: "card created",
}));

mount(cardsApp, routes.getCard, async (c, { params }) => {
  const machines = machinesFor(c, "card");
  const card = await machines.call(machinesApi.getCard, { params });
  return { data: { card: toCard(card, await decryptLabel(machines, c.get("user").user.partnerUserId, card.encryptedName)) }, summary: "card" };
});

mount(cardsApp, routes.updateCard, async (c, { params, body }) => {
  const machines = machinesFor(c, "card");
  const { partnerUserId } = c.get("user").user;
  const change: CardUpdateRequest = {};
  if (body.status !== undefined) change.status = body.status;
  if (body.limit !== undefined) change.limit = body.limit;
  if (body.label !== undefined) {
    change.encryptedName = (await machines.call(machinesApi.encryptValue, { body: { value: body.label } })).value;
    rememberLabel(partnerUserId, change.encryptedName, body.label);
  }
  const card = await machines.call(machinesApi.updateCard, { params, body: change }).catch(inOurFieldNames);
  return { data: { card: toCard(card, await decryptLabel(machines, partnerUserId, card.encryptedName)) }, summary: "card updated" };
});

mount(cardsApp, routes.cancelCard, async (c, { params }) => {
  const deleted = await machinesFor(c, "card").call(machinesApi.deleteCard, { params });
  return { data: { card: { id: deleted.cardId, status: deleted.status, canceledAt: deleted.deletedAt } }, summary: "card canceled" };
});

mount(cardsApp, routes.revealCard, async (c, { params }) => ({ data: await revealCard(c, params.cardId), summary: "card secrets" }));
