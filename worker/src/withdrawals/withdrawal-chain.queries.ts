import type { Hash } from "viem";
import { recordFromRow, recordOrNull as updated, type WithdrawalRecord, type WithdrawalRow } from "./withdrawal-record";

/**
 * The chain phase in D1: the admin salt handed to the wallet, the submitted hash, and the outcome the
 * chain shows (confirmed, failed, expired), plus what the Cron Trigger walks.
 */

/**
 * What the Cron Trigger reconciles on the Worker's chain: every submitted transaction, and ready
 * withdrawals whose signature has run out by the Worker's clock (to find a transaction that was sent
 * but never reported).
 * Least recently checked first, so a large backlog is walked fairly across runs.
 */
export async function listWithdrawalsToReconcile(db: D1Database, nowMs: number, limit: number, chainId: number): Promise<WithdrawalRecord[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM withdrawals
        WHERE chain_id = ?3
          AND (status = 'submitted' OR (status = 'ready' AND expires_at IS NOT NULL AND expires_at * 1000 < ?1))
        ORDER BY last_reconciled_at_ms IS NOT NULL, last_reconciled_at_ms, created_at_ms
        LIMIT ?2`,
    )
    .bind(nowMs, limit, chainId)
    .all<WithdrawalRow>();
  return results.map(recordFromRow);
}

/** coordinator_v2: remembers the admin salt handed to the wallet (and the nonce its typed data carried). */
export function recordAdminSalt(db: D1Database, id: string, nowMs: number, adminSalt: string, adminNonce: bigint) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET admin_salt = ?3, admin_nonce = ?4, admin_salt_issued_at_ms = ?2, updated_at_ms = ?2
          WHERE id = ?1 AND status = 'ready' RETURNING *`,
      )
      .bind(id, nowMs, adminSalt, adminNonce.toString()),
  );
}

/** The wallet sent the transaction. Repeating the same hash is harmless; another hash once submitted is not accepted. */
export function recordSubmission(db: D1Database, id: string, nowMs: number, txHash: Hash) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET status = 'submitted', submitted_tx_hash = ?3,
           submitted_at_ms = COALESCE(submitted_at_ms, ?2), failure_reason = NULL, updated_at_ms = ?2
          WHERE id = ?1 AND (status = 'ready' OR (status = 'submitted' AND submitted_tx_hash = ?3))
          RETURNING *`,
      )
      .bind(id, nowMs, txHash.toLowerCase()),
  );
}

/** The chain shows the withdrawal executed in `txHash`. Refused if that transaction already confirms another row. */
export function recordConfirmed(db: D1Database, id: string, nowMs: number, txHash: Hash, blockNumber: number) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET status = 'confirmed', confirmed_tx_hash = ?3, confirmed_block = ?4, confirmed_at_ms = ?2,
           failure_reason = NULL, last_reconciled_at_ms = ?2, updated_at_ms = ?2
          WHERE id = ?1 AND status IN ('ready', 'submitted')
            AND NOT EXISTS (SELECT 1 FROM withdrawals other WHERE other.confirmed_tx_hash = ?3)
          RETURNING *`,
      )
      .bind(id, nowMs, txHash.toLowerCase(), blockNumber),
  );
}

/** A final outcome other than confirmed: `failed` (the transaction reverted) or `expired` (never executed in time). */
export function recordOutcome(db: D1Database, id: string, nowMs: number, status: "failed" | "expired", reason: string) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET status = ?3, failure_reason = ?4, last_reconciled_at_ms = ?2, updated_at_ms = ?2
          WHERE id = ?1 AND status IN ('ready', 'submitted') RETURNING *`,
      )
      .bind(id, nowMs, status, reason),
  );
}

/** The submitted transaction turned out not to execute this withdrawal: back to ready, with the reason. */
export function reopenSubmission(db: D1Database, id: string, nowMs: number, txHash: Hash, reason: string) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET status = 'ready', submitted_tx_hash = NULL, submitted_at_ms = NULL, failure_reason = ?4,
           last_reconciled_at_ms = ?2, updated_at_ms = ?2
          WHERE id = ?1 AND status = 'submitted' AND submitted_tx_hash = ?3 RETURNING *`,
      )
      .bind(id, nowMs, txHash.toLowerCase(), reason),
  );
}

/** Checked against the chain and nothing changed. */
export async function recordReconciled(db: D1Database, id: string, nowMs: number): Promise<void> {
  await db.prepare("UPDATE withdrawals SET last_reconciled_at_ms = ?2 WHERE id = ?1").bind(id, nowMs).run();
}
