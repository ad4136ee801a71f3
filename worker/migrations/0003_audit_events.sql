-- Who did what to which resource, and how it ended. Never a secret, a card number or a body.
CREATE TABLE audit_events (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  partner_user_id TEXT NOT NULL,
  -- e.g. 'card.reveal', 'kyc.submit'
  action          TEXT NOT NULL,
  resource_id     TEXT,
  -- e.g. 'succeeded', 'not_found', 'rate_limited', 'failed'
  outcome         TEXT NOT NULL,
  request_id      TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX audit_events_by_user ON audit_events (partner_user_id, created_at);
