import type { Card, CardCreateRequest } from "@machines-card/contract/machines";
import { isoAt, type SimulatorContext } from "../context";
import { ids } from "../crypto/encoding";
import { cardNumbers } from "../crypto/card-secrets";
import type { CardRecord, UserRecord } from "../state/records";

/** Cards are VISA, valid for three years to the end of December, like the quickstart's 12/2029. */
export async function createCard(ctx: SimulatorContext, user: UserRecord, body: CardCreateRequest): Promise<CardRecord> {
  const cardId = ids.uuid();
  const { pan } = await cardNumbers(ctx.secrets, cardId);
  const now = ctx.now();
  return ctx.store.putCard({
    cardId,
    userId: user.userId,
    status: "active",
    last4: pan.slice(-4),
    expirationMonth: 12,
    expirationYear: new Date(now).getUTCFullYear() + 3,
    limit: body.limit ?? null,
    encryptedName: body.encryptedName ?? null,
    encryptedColor: null,
    encryptedEmoji: null,
    encryptedMemo: null,
    sortOrder: ctx.store.cards(user.userId).length,
    createdAt: isoAt(now),
    deletedAt: null,
  });
}

export function cardReply(card: CardRecord, user: UserRecord): Card {
  return {
    cardId: card.cardId,
    status: card.status,
    brand: "VISA",
    last4: card.last4,
    expirationMonth: card.expirationMonth,
    expirationYear: card.expirationYear,
    limit: card.limit,
    encryptedName: card.encryptedName,
    encryptedColor: card.encryptedColor,
    encryptedEmoji: card.encryptedEmoji,
    encryptedMemo: card.encryptedMemo,
    folderId: null,
    contractId: user.collateral?.contractId ?? null,
    isPinned: false,
    sortOrder: card.sortOrder,
    createdAt: card.createdAt,
  };
}
