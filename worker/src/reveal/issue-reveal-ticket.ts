import type { Context } from "hono";
import type { CreateRevealTicketBody, RevealTicket } from "@machines-card/contract/api/reveal";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { enforceRateLimit } from "../rate-limit/rate-limit";
import { machinesFor } from "../sessions/machines-for";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import { auditReveal } from "./reveal-audit";
import { saveRevealTicket } from "./reveal-tickets.queries";
import { newTicket, ticketHash } from "./ticket-id";

/** How long the frame shows the details unless the element asks otherwise (the widget's own default). */
export const DEFAULT_HIDE_AFTER_SECONDS = 45;

/**
 * A one-time ticket for the reveal frame, bound to the signed-in user, one of their cards and the page
 * that asked (its Origin). Counted against the same per-user limit as the JSON reveal and audited like it.
 * The reply names the frame with the ticket in the URL fragment, which browsers never send to a server,
 * and which never holds the user's token.
 */
export async function issueRevealTicket(c: Context<AppEnv>, cardId: string, body: CreateRevealTicketBody): Promise<RevealTicket> {
  const { partnerUserId } = c.get("user").user;
  const settings = c.get("settings");
  c.header("Cache-Control", "no-store, max-age=0");

  try {
    await enforceRateLimit(c.env, "reveal", partnerUserId);
  } catch (e) {
    auditReveal(c, partnerUserId, cardId, "rate_limited");
    throw e;
  }
  try {
    // Read with the user's own session: another user's card is Machines' 404.
    await machinesFor(c, "card").call(machinesApi.getCard, { params: { cardId } });
  } catch (e) {
    auditReveal(c, partnerUserId, cardId, e instanceof AppError && e.code === "not_found" ? "not_found" : "failed");
    throw e;
  }
  // After the card, so someone else's card is a 404 whoever asks (as on every route with an id). CORS has
  // refused other browser origins already; without an Origin (a server, a script outside a browser) there
  // is no page to embed the frame in, and nothing to bind the ticket to.
  const origin = c.req.header("Origin");
  if (origin === undefined || !settings.allowedOrigins.has(origin)) {
    auditReveal(c, partnerUserId, cardId, "origin_not_allowed");
    throw new AppError("origin_not_allowed", "a reveal ticket is issued to a page: ask from an origin in ALLOWED_ORIGINS", { field: "Origin" });
  }

  const ticket = newTicket();
  const now = Date.now();
  const expiresAt = now + settings.reveal.ticketSeconds * 1000;
  await saveRevealTicket(c.env.DB, {
    ticketHash: await ticketHash(ticket),
    partnerUserId,
    cardId,
    origin,
    theme: body.theme,
    locale: body.locale,
    hideAfterSeconds: body.hideAfterSeconds ?? DEFAULT_HIDE_AFTER_SECONDS,
    createdAt: now,
    expiresAt,
  });
  auditReveal(c, partnerUserId, cardId, "ticket_issued");
  // The language and scheme travel in the query too (not secret), so the frame reads right even when it
  // has to refuse the ticket; the ticket itself only in the fragment.
  const frameUrl = `${new URL(c.req.url).origin}/reveal?locale=${body.locale}&scheme=${body.theme.scheme}#${ticket}`;
  return { frameUrl, expiresAt: new Date(expiresAt).toISOString() };
}
