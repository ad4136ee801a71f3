-- Partner users: one row per person, keyed by the stable partner user id we send to Machines.
CREATE TABLE users (
  partner_user_id   TEXT PRIMARY KEY,
  crossmint_user_id TEXT NOT NULL UNIQUE,
  machines_user_id  TEXT,
  wallet_address    TEXT NOT NULL,
  linked_at         TEXT NOT NULL,
  last_used_at      TEXT NOT NULL
);
