import * as z from "zod/mini";
import { CARD_LIMIT_FREQUENCIES, CardStatus } from "../machines/cards";
import { defineRoute } from "./define-route";
import { CARD_LABEL_MAX } from "./bounds";
import { Cursor, PositiveCents, ResourceId } from "./primitives";

export { CARD_LIMIT_FREQUENCIES, CARD_STATUSES, type KnownCardStatus } from "../machines/cards";
export const CardLimitFrequency = z.enum(CARD_LIMIT_FREQUENCIES);
export const CardLimit = z.strictObject({ amountCents: PositiveCents, frequency: CardLimitFrequency });
export type CardLimit = z.infer<typeof CardLimit>;

/** Machines' card statuses: the known ones typed, an unknown one carried as a string. */
export { CardStatus };

/** A card as the cardholder sees it: the label decrypted, never the number or CVC. */
export const Card = z.object({
  id: z.string(),
  status: CardStatus,
  brand: z.string(),
  last4: z.string(),
  expirationMonth: z.int(),
  expirationYear: z.int(),
  label: z.nullable(z.string()),
  limit: z.nullable(CardLimit),
  createdAt: z.nullable(z.string()),
});
export type Card = z.infer<typeof Card>;

export const CardLabel = z.string().check(
  z.trim(),
  z.minLength(1, { error: "must not be empty" }),
  z.maxLength(CARD_LABEL_MAX),
);

export const CreateCardBody = z.strictObject({ label: z.optional(CardLabel), limit: z.optional(CardLimit) });
export const UpdateCardBody = z
  .strictObject({
    status: z.optional(z.enum(["active", "locked"])),
    limit: z.optional(CardLimit),
    label: z.optional(CardLabel),
  })
  .check(
    z.refine((b) => b.status !== undefined || b.limit !== undefined || b.label !== undefined, {
      error: "give at least one of status, limit or label",
    }),
  );

/** The card's secrets, decrypted by the Worker for its owner only. Never stored, never logged. */
export const CardSecrets = z.object({
  pan: z.string().check(z.regex(/^\d{12,19}$/)),
  cvc: z.string().check(z.regex(/^\d{3,4}$/)),
  expirationMonth: z.int(),
  expirationYear: z.int(),
  last4: z.string(),
});
export type CardSecrets = z.infer<typeof CardSecrets>;

const CardParams = z.strictObject({ cardId: ResourceId });

export const cardRoutes = {
  listCards: defineRoute({
    method: "GET",
    path: "/v1/cards",
    operationId: "listCards",
    tag: "cards",
    summary: "The user's cards",
    auth: true,
    query: z.strictObject({ cursor: z.optional(Cursor) }),
    response: z.object({ cards: z.array(Card), nextCursor: z.nullable(z.string()) }),
  }),
  createCard: defineRoute({
    method: "POST",
    path: "/v1/cards",
    operationId: "createCard",
    tag: "cards",
    summary: "Create a card with an optional label and spending limit (idempotent)",
    auth: true,
    idempotency: "required",
    body: CreateCardBody,
    response: z.object({ card: Card }),
    successStatus: 201,
    errors: ["agreements_required", "idempotency_conflict"],
  }),
  getCard: defineRoute({
    method: "GET",
    path: "/v1/cards/:cardId",
    operationId: "getCard",
    tag: "cards",
    summary: "One card",
    auth: true,
    params: CardParams,
    response: z.object({ card: Card }),
    errors: ["not_found"],
  }),
  updateCard: defineRoute({
    method: "PATCH",
    path: "/v1/cards/:cardId",
    operationId: "updateCard",
    tag: "cards",
    summary: "Lock or unlock a card, change its limit or label",
    auth: true,
    params: CardParams,
    body: UpdateCardBody,
    response: z.object({ card: Card }),
    errors: ["not_found", "invalid_state"],
  }),
  cancelCard: defineRoute({
    method: "DELETE",
    path: "/v1/cards/:cardId",
    operationId: "cancelCard",
    tag: "cards",
    summary: "Cancel a card (final)",
    auth: true,
    params: CardParams,
    response: z.object({ card: z.object({ id: z.string(), status: z.literal("canceled"), canceledAt: z.string() }) }),
    errors: ["not_found"],
  }),
  revealCard: defineRoute({
    method: "POST",
    path: "/v1/cards/:cardId/reveal",
    operationId: "revealCard",
    tag: "cards",
    summary: "The card number, CVC and expiry, for the cardholder's screen only (no-store, rate-limited, audited)",
    auth: true,
    params: CardParams,
    body: z.strictObject({}),
    response: CardSecrets,
    errors: ["not_found", "rate_limited"],
  }),
};
