-- Withdrawals: one row per withdrawal a user started (worker/src/withdrawals/). Times are unix
-- milliseconds (INTEGER, compared in SQL), block numbers and the signature expiry are plain integers.
--
-- Idempotency: (partner_user_id, idempotency_key) is unique, and the row is written BEFORE Machines is
-- called, so a double click, a retried request or fifty concurrent ones reach Machines as one
-- withdrawal. Only the request holding the lease (lease_id until lease_until_ms) calls Machines; every
-- call for a row sends the same stored body under the same upstream key (the row id).
CREATE TABLE withdrawals (
  id                      TEXT PRIMARY KEY,
  partner_user_id         TEXT NOT NULL REFERENCES users (partner_user_id),
  idempotency_key         TEXT NOT NULL,
  -- SHA-256 of the canonical create body: the same key with another body is a 409.
  request_fingerprint     TEXT NOT NULL,
  -- The JSON body sent to POST /withdrawals, re-sent byte for byte while Machines says pending.
  upstream_request        TEXT NOT NULL,
  amount_cents            INTEGER NOT NULL CHECK (amount_cents > 0),
  destination_currency    TEXT NOT NULL,
  destination_network     TEXT NOT NULL,
  destination_address     TEXT NOT NULL,
  destination_extra_id    TEXT,
  -- The user's own wallet (from users, never from the request): adminAddress, signer and sender.
  admin_address           TEXT NOT NULL,
  -- 'rejected' is internal: Machines refused the first create (4xx), so no withdrawal exists anywhere.
  -- The row keeps the key and replays that error; it is never listed or shown.
  status                  TEXT NOT NULL DEFAULT 'pending'
                          CHECK (status IN ('pending', 'ready', 'submitted', 'confirmed', 'failed', 'expired', 'rejected')),

  -- Talking to Machines while pending.
  upstream_replied        INTEGER NOT NULL DEFAULT 0 CHECK (upstream_replied IN (0, 1)),
  upstream_attempts       INTEGER NOT NULL DEFAULT 0,
  retry_after_seconds     INTEGER,
  next_attempt_at_ms      INTEGER,
  lease_id                TEXT,
  lease_until_ms          INTEGER,
  -- Machines' refusal of the first create, replayed for the same key (status 'rejected').
  rejection_status        INTEGER,
  rejection_code          TEXT,
  rejection_message       TEXT,
  rejection_field         TEXT,

  -- Machines' `execution` (evm-withdrawals.md section 1).
  call_path               TEXT CHECK (call_path IN ('controller_v1', 'coordinator_v2', 'solana_v2_02', 'unknown')),
  call_target             TEXT,
  chain_id                INTEGER,
  collateral_proxy        TEXT,
  contract_version        INTEGER,
  contract_id             TEXT,
  relay_payin_address     TEXT,
  relay_payin_extra_id    TEXT,

  -- The 7 executor parameters, normalised (parameter 0 is collateral_proxy_param so a mismatch stays visible).
  collateral_proxy_param  TEXT,
  asset_address           TEXT,
  -- Smallest token unit, decimal: may exceed 2^53.
  amount_native           TEXT,
  recipient               TEXT,
  -- Unix seconds, parameter 4 exactly as signed.
  expires_at              INTEGER,
  executor_salt           TEXT,
  executor_signature      TEXT,
  -- Chain head when the row turned ready: the search for its Withdrawn event starts here.
  ready_block             INTEGER,

  -- coordinator_v2: the admin salt the Worker issued, and the adminNonce the typed data carried.
  admin_salt              TEXT,
  admin_nonce             TEXT,
  admin_salt_issued_at_ms INTEGER,

  submitted_tx_hash       TEXT,
  submitted_at_ms         INTEGER,
  confirmed_tx_hash       TEXT,
  confirmed_block         INTEGER,
  confirmed_at_ms         INTEGER,
  failure_reason          TEXT,
  last_reconciled_at_ms   INTEGER,
  created_at_ms           INTEGER NOT NULL,
  updated_at_ms           INTEGER NOT NULL,
  UNIQUE (partner_user_id, idempotency_key)
);

CREATE INDEX withdrawals_by_user ON withdrawals (partner_user_id, created_at_ms DESC);
-- What the Cron Trigger walks: sent transactions, and ready signatures that may have run out.
CREATE INDEX withdrawals_to_reconcile ON withdrawals (status, last_reconciled_at_ms) WHERE status IN ('ready', 'submitted');
-- One on-chain transaction confirms one withdrawal.
CREATE UNIQUE INDEX withdrawals_confirmed_tx ON withdrawals (confirmed_tx_hash) WHERE confirmed_tx_hash IS NOT NULL;
