-- Machines partner sessions, cached until shortly before they expire. One per user and kind:
-- 'kyc' (KYC scopes, before approval) and 'card' (card and crypto scopes, after it).
-- The token is encrypted at rest (AES-256-GCM with DATA_ENCRYPTION_KEY, bound to user and kind).
CREATE TABLE partner_sessions (
  partner_user_id  TEXT NOT NULL REFERENCES users (partner_user_id) ON DELETE CASCADE,
  kind             TEXT NOT NULL CHECK (kind IN ('kyc', 'card')),
  session_id       TEXT NOT NULL,
  scopes           TEXT NOT NULL,
  -- Milliseconds since the epoch.
  expires_at       INTEGER NOT NULL,
  token_iv         TEXT NOT NULL,
  token_ciphertext TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  PRIMARY KEY (partner_user_id, kind)
);
