-- A relayed withdrawal (Machines pays a conversion service, which pays the user) keeps where the relay
-- pays out, as Machines said it: the Worker checks it against the destination the user entered before
-- the withdrawal can be prepared, and shows it (worker/src/withdrawals/README.md, "Binding").
ALTER TABLE withdrawals ADD COLUMN relay_payout_address TEXT;
ALTER TABLE withdrawals ADD COLUMN relay_payout_extra_id TEXT;
ALTER TABLE withdrawals ADD COLUMN relay_to_currency TEXT;
ALTER TABLE withdrawals ADD COLUMN relay_to_network TEXT;
-- The token's decimals as read on chain when the ready reply was bound: the preview shows the signed amount
-- in the token's own units from them.
ALTER TABLE withdrawals ADD COLUMN asset_decimals INTEGER;
