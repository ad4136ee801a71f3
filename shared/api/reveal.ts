import * as z from "zod/mini";
import { defineRoute } from "./define-route";
import { ResourceId } from "./primitives";

/** A colour as `#rrggbb` (the widget resolves its custom properties to this before asking). */
const HexColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { error: "must be a #rrggbb colour" }));

/**
 * The element's look, handed to the reveal frame through the ticket (never through script in the page).
 * Every value is checked strictly: the frame applies them as CSS custom properties.
 */
export const RevealTheme = z.strictObject({
  scheme: z.enum(["light", "dark"]),
  colors: z.strictObject({
    brand: z.optional(HexColor),
    onBrand: z.optional(HexColor),
    brandText: z.optional(HexColor),
    background: z.optional(HexColor),
    surface: z.optional(HexColor),
    text: z.optional(HexColor),
    textMuted: z.optional(HexColor),
    border: z.optional(HexColor),
    borderStrong: z.optional(HexColor),
    focus: z.optional(HexColor),
    danger: z.optional(HexColor),
  }),
  /** A CSS font-family list: family names, quotes, commas, spaces and hyphens only. */
  font: z.optional(
    z.string().check(
      z.maxLength(200),
      z.regex(/^[A-Za-z0-9 ,'"_-]+$/, { error: "must be a font-family list (names, quotes, commas, spaces, hyphens)" }),
    ),
  ),
  /** Corner radius in CSS pixels. */
  radius: z.optional(z.int().check(z.gte(0), z.lte(32))),
});
export type RevealTheme = z.infer<typeof RevealTheme>;

/** The languages the frame (like the widget) is translated into. */
/** The languages the reveal frame speaks (a plain list, so the widget can pick one without a schema). */
export const REVEAL_LOCALES = ["en", "es"] as const;
export const RevealLocale = z.enum(REVEAL_LOCALES);
export type RevealLocale = z.infer<typeof RevealLocale>;

export const CreateRevealTicketBody = z.strictObject({
  theme: RevealTheme,
  locale: RevealLocale,
  /** Seconds the frame shows the details before wiping them (45 unless the element says otherwise). */
  hideAfterSeconds: z.optional(z.int().check(z.gte(5), z.lte(120))),
});
export type CreateRevealTicketBody = z.infer<typeof CreateRevealTicketBody>;

/** Where the reveal frame is: `<Worker origin>/reveal#<ticket>` (the ticket in the fragment, never sent to a server). */
export const RevealTicket = z.object({ frameUrl: z.string(), expiresAt: z.string() });
export type RevealTicket = z.infer<typeof RevealTicket>;

const CardParams = z.strictObject({ cardId: ResourceId });

export const revealRoutes = {
  createRevealTicket: defineRoute({
    method: "POST",
    path: "/v1/cards/:cardId/reveal-ticket",
    operationId: "createRevealTicket",
    tag: "cards",
    summary: "A one-time ticket for the reveal frame, which shows the card details on the Worker's origin, never in the page",
    auth: true,
    params: CardParams,
    body: CreateRevealTicketBody,
    response: RevealTicket,
    successStatus: 201,
    errors: ["not_found", "rate_limited", "origin_not_allowed"],
  }),
};

// ── The frame's own call (served to the frame only, not part of the public JSON API) ──

/** A ticket: 32 random bytes, base64url without padding. */
export const RevealTicketId = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: "must be a reveal ticket" }));

export const RedeemRevealTicketBody = z.strictObject({
  ticket: RevealTicketId,
  /** The origin of the page embedding the frame, as the frame sees it (`location.ancestorOrigins`, else the referrer's). */
  ancestorOrigin: z.nullable(z.string().check(z.maxLength(300))),
});
export type RedeemRevealTicketBody = z.infer<typeof RedeemRevealTicketBody>;

/** What the frame shows, and how. Only ever sent to the frame. */
export const RevealedCard = z.object({
  pan: z.string().check(z.regex(/^\d{12,19}$/)),
  cvc: z.string().check(z.regex(/^\d{3,4}$/)),
  /** `MM/YY`, as printed on cards. */
  expiry: z.string().check(z.regex(/^\d{2}\/\d{2}$/)),
  last4: z.string(),
  theme: RevealTheme,
  locale: RevealLocale,
  /** The embedding page's origin: the frame posts its messages there and nowhere else. */
  origin: z.string(),
  hideAfterSeconds: z.int(),
});
export type RevealedCard = z.infer<typeof RevealedCard>;
