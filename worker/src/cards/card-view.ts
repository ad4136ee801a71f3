import { Card } from "@machines-card/contract/api/cards";
import type { CardCreateData } from "@machines-card/contract/machines/cards";
import { conform } from "../upstream/machines/conform";

/**
 * A Machines card as the cardholder sees it: the label in clear text, `notActivated` (the user API's
 * spelling) as `not_activated`, fields the quickstart's create reply lacks as null.
 */
export function toCard(card: CardCreateData, label: string | null, fallback: { limit?: Card["limit"] } = {}): Card {
  return conform(
    Card,
    {
      id: card.cardId,
      status: card.status === "notActivated" ? "not_activated" : card.status,
      brand: card.brand,
      last4: card.last4,
      expirationMonth: card.expirationMonth,
      expirationYear: card.expirationYear,
      label,
      limit: card.limit ?? fallback.limit ?? null,
      createdAt: card.createdAt ?? null,
    },
    "card",
  );
}
