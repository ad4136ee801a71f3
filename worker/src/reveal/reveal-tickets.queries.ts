import type { RevealLocale, RevealTheme } from "@machines-card/contract/api/reveal";

/** One reveal ticket as D1 keeps it: the ticket's SHA-256, never the ticket. Times in unix milliseconds. */
export interface RevealTicketRecord {
  ticketHash: string;
  partnerUserId: string;
  cardId: string;
  origin: string;
  theme: RevealTheme;
  locale: RevealLocale;
  hideAfterSeconds: number;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

interface Row {
  ticket_hash: string;
  partner_user_id: string;
  card_id: string;
  origin: string;
  theme: string;
  locale: string;
  hide_after_seconds: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export async function saveRevealTicket(db: D1Database, t: Omit<RevealTicketRecord, "usedAt">): Promise<void> {
  await db
    .prepare(
      `INSERT INTO reveal_tickets (ticket_hash, partner_user_id, card_id, origin, theme, locale, hide_after_seconds, created_at, expires_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
    )
    .bind(t.ticketHash, t.partnerUserId, t.cardId, t.origin, JSON.stringify(t.theme), t.locale, t.hideAfterSeconds, t.createdAt, t.expiresAt)
    .run();
}

export async function findRevealTicket(db: D1Database, ticketHash: string): Promise<RevealTicketRecord | null> {
  const row = await db.prepare(`SELECT * FROM reveal_tickets WHERE ticket_hash = ?1`).bind(ticketHash).first<Row>();
  if (!row) return null;
  return {
    ticketHash: row.ticket_hash,
    partnerUserId: row.partner_user_id,
    cardId: row.card_id,
    origin: row.origin,
    // Written by saveRevealTicket from a validated theme.
    theme: JSON.parse(row.theme) as RevealTheme,
    locale: row.locale as RevealLocale,
    hideAfterSeconds: row.hide_after_seconds,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

/**
 * Marks an unused, unexpired ticket used at `now`, in one conditional UPDATE: of any number of redeems
 * racing for the same ticket, exactly one gets `true`.
 */
export async function claimRevealTicket(db: D1Database, ticketHash: string, now: number): Promise<boolean> {
  const result = await db
    .prepare(`UPDATE reveal_tickets SET used_at = ?2 WHERE ticket_hash = ?1 AND used_at IS NULL AND expires_at > ?2`)
    .bind(ticketHash, now)
    .run();
  return result.meta.changes === 1;
}

/** Forgets tickets that expired before `before` (the Cron Trigger); answers how many. */
export async function purgeRevealTickets(db: D1Database, before: number): Promise<number> {
  const result = await db.prepare(`DELETE FROM reveal_tickets WHERE expires_at < ?1`).bind(before).run();
  return result.meta.changes;
}
