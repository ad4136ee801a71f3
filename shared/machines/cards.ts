import * as z from "zod/mini";
import { openEnum, PositiveCents, requiredMessage, Timestamp, wholeNumberText } from "./common";
import { CARD_LIMIT_FREQUENCIES } from "./card-limit-frequencies";
import { EncryptedBlob } from "./encryption";

export { CARD_LIMIT_FREQUENCIES, type CardLimitFrequency } from "./card-limit-frequencies";

/**
 * Cards: `GET/POST /cards`, `GET/PATCH/DELETE /cards/{cardId}`, `POST /cards/secrets/session`,
 * `POST /cards/{cardId}/secrets`.
 */

export const CardLimit = z.object(
  {
    amountCents: PositiveCents,
    frequency: z.enum(CARD_LIMIT_FREQUENCIES, { error: requiredMessage }),
  },
  { error: (issue) => requiredMessage(issue) ?? "must be a limit {amountCents, frequency}" },
);
export type CardLimit = z.infer<typeof CardLimit>;

/**
 * `not_activated` in the partner example; the user API spells it `notActivated`, which reads as the same
 * status. Open: an unknown status is carried as a string (§12).
 */
export const CARD_STATUSES = ["active", "locked", "canceled", "not_activated"] as const;
export type KnownCardStatus = (typeof CARD_STATUSES)[number];
export const CardStatus = openEnum(CARD_STATUSES);
export type CardStatus = z.infer<typeof CardStatus>;

/** The six fields of the quickstart's `POST /cards` reply. */
const cardSummaryShape = {
  cardId: z.string(),
  status: CardStatus,
  brand: z.string(),
  last4: z.string(),
  expirationMonth: z.number(),
  expirationYear: z.number(),
};
export const CardSummary = z.object(cardSummaryShape);
export type CardSummary = z.infer<typeof CardSummary>;

/** The card's optional metadata may be absent, not only null (§12): the Worker only displays it. */
const cardDetailShape = {
  limit: z.nullable(CardLimit),
  encryptedName: z.optional(z.nullable(EncryptedBlob)),
  encryptedColor: z.optional(z.nullable(EncryptedBlob)),
  encryptedEmoji: z.optional(z.nullable(EncryptedBlob)),
  encryptedMemo: z.optional(z.nullable(EncryptedBlob)),
  folderId: z.optional(z.nullable(z.string())),
  contractId: z.nullable(z.string()),
  isPinned: z.optional(z.boolean()),
  sortOrder: z.optional(z.number()),
  createdAt: Timestamp,
};

/** The full card of the reference and the example (a superset of the quickstart's create reply). */
export const Card = z.object({ ...cardSummaryShape, ...cardDetailShape });
export type Card = z.infer<typeof Card>;

/** `POST /cards` reply: the quickstart's six fields, plus any of the full card's. */
export const CardCreateData = z.extend(CardSummary, z.partial(z.object(cardDetailShape)).shape);
export type CardCreateData = z.infer<typeof CardCreateData>;

export const CardCreateRequest = z.object({
  encryptedName: z.optional(EncryptedBlob),
  limit: z.optional(CardLimit),
});
export type CardCreateRequest = z.infer<typeof CardCreateRequest>;

export const CARD_ID_MIN_LENGTH = 8;
export const CardId = z.string().check(z.minLength(CARD_ID_MIN_LENGTH, { error: `must be at least ${CARD_ID_MIN_LENGTH} characters` }));
/** The path parameters of `/cards/{cardId}…`. */
export const CardParams = z.object({ cardId: CardId });

export const CardsQuery = z.object({
  limit: z.optional(wholeNumberText(1, 100)),
  cursor: z.optional(z.string().check(z.minLength(1, { error: "must not be empty" }))),
});
export type CardsQuery = z.infer<typeof CardsQuery>;

export const CardListData = z.object({
  cards: z.array(Card),
  nextCursor: z.optional(z.nullable(z.string())),
});
export type CardListData = z.infer<typeof CardListData>;

export const CARD_UPDATE_STATUSES = ["active", "locked", "canceled"] as const;
export const CardUpdateRequest = z
  .object({
    status: z.optional(z.enum(CARD_UPDATE_STATUSES)),
    limit: z.optional(CardLimit),
    encryptedName: z.optional(EncryptedBlob),
    encryptedColor: z.optional(EncryptedBlob),
    encryptedEmoji: z.optional(EncryptedBlob),
    encryptedMemo: z.optional(EncryptedBlob),
  })
  .check(
    z.refine((body) => Object.values(body).some((value) => value !== undefined), {
      error: "nothing to change: send status, limit or an encrypted label",
    }),
  );
export type CardUpdateRequest = z.infer<typeof CardUpdateRequest>;

export const CardDeleteData = z.object({ cardId: z.string(), status: z.literal("canceled"), deletedAt: Timestamp });
export type CardDeleteData = z.infer<typeof CardDeleteData>;

/** `POST /cards/secrets/session` takes `{}` (an object; members are ignored). */
export const CardSecretsSessionRequest = z.object({});

/** `secretKey`: a 16-byte AES-128-GCM key as 32 hex characters. */
export const CardSecretsSessionData = z.object({
  sessionId: z.string(),
  secretKey: z.string().check(z.regex(/^[0-9a-fA-F]{32}$/)),
});
export type CardSecretsSessionData = z.infer<typeof CardSecretsSessionData>;

export const CardSecretsRequest = z.object({
  sessionId: z.string({ error: requiredMessage }).check(z.minLength(1, { error: "is required" })),
});
export type CardSecretsRequest = z.infer<typeof CardSecretsRequest>;

/** AES-128-GCM: `iv` standard base64 (16 bytes in the sample), `data` base64 of ciphertext ‖ 16-byte tag. */
export const EncryptedSecret = z.object({ iv: z.string(), data: z.string() });
export type EncryptedSecret = z.infer<typeof EncryptedSecret>;

export const CardSecretsData = z.object({
  encryptedPan: EncryptedSecret,
  encryptedCvc: EncryptedSecret,
  expirationMonth: z.optional(z.number()),
  expirationYear: z.optional(z.number()),
  last4: z.optional(z.string()),
  brand: z.optional(z.string()),
  keyId: z.optional(z.string()),
});
export type CardSecretsData = z.infer<typeof CardSecretsData>;
