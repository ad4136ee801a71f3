-- One-time tickets for the reveal frame (worker/src/reveal/). The widget asks for one with the user's
-- token; the frame the Worker serves redeems it once, from the page origin it was issued for, within
-- seconds. The ticket itself is never stored: only its SHA-256 (hex). Never a card number or CVC.
CREATE TABLE reveal_tickets (
  ticket_hash     TEXT PRIMARY KEY,
  partner_user_id TEXT NOT NULL REFERENCES users (partner_user_id),
  card_id         TEXT NOT NULL,
  -- The page that asked for it (its Origin, one of ALLOWED_ORIGINS): the frame must be embedded there.
  origin          TEXT NOT NULL,
  -- The element's look ({colors, font, radius, scheme}, validated) and language, for the frame.
  theme           TEXT NOT NULL,
  locale          TEXT NOT NULL,
  -- How long the frame shows the details before wiping them.
  hide_after_seconds INTEGER NOT NULL,
  -- Unix milliseconds.
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  -- Set once, by the one redeem that wins (UPDATE … WHERE used_at IS NULL).
  used_at         INTEGER
);
-- The Cron Trigger forgets expired tickets.
CREATE INDEX reveal_tickets_by_expiry ON reveal_tickets (expires_at);
