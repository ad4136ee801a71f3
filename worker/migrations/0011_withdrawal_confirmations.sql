-- Withdrawals on the real chain's terms (worker/src/withdrawals/README.md):
-- * a confirmation is one log of one transaction: (confirmed_tx_hash, confirmed_log_index), the controller's
--   Withdrawal log (v1) or the token's Transfer log (v2). One bundle transaction can carry several users'
--   withdrawals, so the transaction hash alone is no longer unique;
-- * a submitted hash may be a transaction hash or an ERC-4337 user-operation hash (submitted_hash_kind, NULL
--   while the chain has not said which), and a user operation is resolved to its bundle transaction;
-- * reconciliation remembers how far it has searched the logs for each withdrawal, and backs off a row
--   whose reads fail instead of stopping the Cron Trigger's run for every row after it.
ALTER TABLE withdrawals ADD COLUMN confirmed_log_index INTEGER;
ALTER TABLE withdrawals ADD COLUMN confirmed_user_op_hash TEXT;
ALTER TABLE withdrawals ADD COLUMN submitted_hash_kind TEXT CHECK (submitted_hash_kind IN ('transaction', 'user_operation'));
-- The bundle transaction a submitted user-operation hash was found in.
ALTER TABLE withdrawals ADD COLUMN submitted_in_tx_hash TEXT;
-- The last block whose logs reconciliation has searched for this withdrawal's execution.
ALTER TABLE withdrawals ADD COLUMN logs_searched_to_block INTEGER;
ALTER TABLE withdrawals ADD COLUMN reconcile_error TEXT;
ALTER TABLE withdrawals ADD COLUMN reconcile_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE withdrawals ADD COLUMN next_reconcile_at_ms INTEGER;

DROP INDEX withdrawals_confirmed_tx;
-- One log of one transaction confirms one withdrawal.
CREATE UNIQUE INDEX withdrawals_confirmed_log ON withdrawals (confirmed_tx_hash, confirmed_log_index)
  WHERE confirmed_tx_hash IS NOT NULL;
