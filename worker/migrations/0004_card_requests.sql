-- Card creation requests by Idempotency-Key. The label is encrypted upstream with a fresh IV each time,
-- so every retry would send Machines a different body under the same key; instead the first request's
-- upstream body is kept here and every request with that key forwards exactly it (one card).
CREATE TABLE card_requests (
  partner_user_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  -- SHA-256 of the client's request (label and limit): the same key with another request is a conflict.
  request_hash    TEXT NOT NULL,
  -- The JSON body sent to POST /cards (encrypted label blob and limit; no plaintext label).
  upstream_body   TEXT NOT NULL,
  card_id         TEXT,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (partner_user_id, idempotency_key)
);
CREATE INDEX card_requests_by_age ON card_requests (created_at);
