import type { Context } from "hono";
import type { RedeemRevealTicketBody, RevealedCard } from "@machines-card/contract/api/reveal";
import type { KnownErrorCode } from "@machines-card/contract/errors";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { requestIdsOf } from "../http/edge";
import { log } from "../logging/log";
import { readCardSecrets } from "../cards/reveal-card";
import { machinesForUser } from "../sessions/machines-for";
import { findUserWithSessions } from "../users/users.queries";
import { auditReveal } from "./reveal-audit";
import { claimRevealTicket, findRevealTicket, type RevealTicketRecord } from "./reveal-tickets.queries";
import { ticketHash } from "./ticket-id";

type Refusal = { code: KnownErrorCode; outcome: string; message: string };

const REFUSED = {
  used: { code: "reveal_ticket_used", outcome: "refused_used", message: "this reveal ticket was already used; reveal the card again" },
  expired: { code: "reveal_ticket_expired", outcome: "refused_expired", message: "this reveal ticket has expired; reveal the card again" },
  origin: {
    code: "reveal_ticket_wrong_origin",
    outcome: "refused_origin",
    message: "this reveal ticket belongs to another page; reveal the card again from the page showing it",
  },
} satisfies Record<string, Refusal>;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The frame's one call: redeems a ticket once and answers the card details with the look to show them
 * in. Refused (and audited as a refused reveal): a ticket already used, expired, or redeemed from a page
 * other than the one it was issued to. The reply is never cached; the number is never logged.
 */
export async function redeemRevealTicket(c: Context<AppEnv>, body: RedeemRevealTicketBody): Promise<RevealedCard> {
  c.header("Cache-Control", "no-store, max-age=0");
  c.header("Pragma", "no-cache");
  const db = c.env.DB;
  const hash = await ticketHash(body.ticket);
  const ticket = await findRevealTicket(db, hash);
  if (!ticket) {
    log.warn("reveal_ticket_unknown", requestIdsOf(c));
    throw new AppError("reveal_ticket_unknown", "no such reveal ticket; reveal the card again");
  }
  // The frame words its refusal in the language the element asked for.
  c.header("Content-Language", ticket.locale);
  const refuse = (r: Refusal) => {
    auditReveal(c, ticket.partnerUserId, ticket.cardId, r.outcome);
    return new AppError(r.code, r.message);
  };

  const now = Date.now();
  if (ticket.usedAt !== null) throw refuse(REFUSED.used);
  if (ticket.expiresAt <= now) throw refuse(REFUSED.expired);
  if (body.ancestorOrigin !== ticket.origin) throw refuse(REFUSED.origin);
  // Another redeem of the same ticket may have won since it was read: only one ever gets past here.
  if (!(await claimRevealTicket(db, hash, now))) throw refuse(ticket.expiresAt <= Date.now() ? REFUSED.expired : REFUSED.used);

  return revealFor(c, ticket);
}

async function revealFor(c: Context<AppEnv>, ticket: RevealTicketRecord): Promise<RevealedCard> {
  const audit = (outcome: string) => auditReveal(c, ticket.partnerUserId, ticket.cardId, outcome);
  try {
    const found = await findUserWithSessions(c.env.DB, { partnerUserId: ticket.partnerUserId });
    if (!found) throw new AppError("not_found", "the card's owner is not known here any more");
    const deps = { db: c.env.DB, settings: c.get("settings"), requestId: c.get("requestId"), waitUntil: (p: Promise<unknown>) => c.executionCtx.waitUntil(p) };
    // No bearer token here: the ticket stands for it. The call is made with the owner's own partner session.
    const secrets = await readCardSecrets(machinesForUser(deps, { ...found, email: null }, "card"), ticket.cardId);
    audit("succeeded");
    return {
      pan: secrets.pan,
      cvc: secrets.cvc,
      expiry: `${pad(secrets.expirationMonth)}/${pad(secrets.expirationYear % 100)}`,
      last4: secrets.last4,
      theme: ticket.theme,
      locale: ticket.locale,
      origin: ticket.origin,
      hideAfterSeconds: ticket.hideAfterSeconds,
    };
  } catch (e) {
    audit(e instanceof AppError && e.code === "not_found" ? "not_found" : "failed");
    throw e;
  }
}
