-- Partner users: one row per person, keyed by the stable partner user id we send to Machines.
-- partner_user_id is derived from the Crossmint user id (users/partner-user-id.ts), so it stays the
-- same even if this table were rebuilt. No email or name is stored: the token carries those.
CREATE TABLE users (
  partner_user_id   TEXT PRIMARY KEY,
  crossmint_user_id TEXT NOT NULL UNIQUE,
  machines_user_id  TEXT NOT NULL,
  -- From the Crossmint wallets API (server-side), lower-cased; never from the browser.
  wallet_address    TEXT NOT NULL,
  -- Last KYC status seen from Machines; picks the partner session kind (kyc vs card) without a round trip.
  kyc_status        TEXT NOT NULL DEFAULT 'not_submitted',
  linked_at         TEXT NOT NULL,
  last_used_at      TEXT NOT NULL
);
