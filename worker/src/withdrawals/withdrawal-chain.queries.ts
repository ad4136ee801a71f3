import type { Hash } from "viem";
import { recordFromRow, recordOrNull as updated, type SubmittedHashKind, type WithdrawalRecord, type WithdrawalRow } from "./withdrawal-record";

/**
 * The chain phase in D1: the admin salt handed to the wallet, the submitted hash (a candidate), the
 * outcome the chain shows (confirmed, failed, expired), how far the logs were searched, and what the
 * Cron Trigger walks.
 */

/**
 * What the Cron Trigger reconciles on the Worker's chain: every submitted withdrawal, and ready ones whose
 * signature has run out by the Worker's clock (to find a transaction that was sent but never reported),
 * except rows backing off after a failed read. Least recently checked first, so a large backlog is walked
 * fairly across runs.
 */
export async function listWithdrawalsToReconcile(db: D1Database, nowMs: number, limit: number, chainId: number): Promise<WithdrawalRecord[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM withdrawals
        WHERE chain_id = ?3
          AND (status = 'submitted' OR (status = 'ready' AND expires_at IS NOT NULL AND expires_at * 1000 < ?1))
          AND (next_reconcile_at_ms IS NULL OR next_reconcile_at_ms <= ?1)
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
          WHERE id = ?1 AND status IN ('ready', 'submitted') RETURNING *`,
      )
      .bind(id, nowMs, adminSalt, adminNonce.toString()),
  );
}

export interface Submission {
  hash: Hash;
  /** Null while the chain does not know the hash yet. */
  kind: SubmittedHashKind | null;
  /** For a user operation: the bundle transaction it was found in. */
  inTxHash: Hash | null;
}

/**
 * The wallet reported a hash. It is a candidate, not a verdict: a later hash replaces it (the signature
 * is single-use on chain, so nothing can be paid twice), and reconciliation looks for the execution in
 * the logs whatever the hash says. Repeating the same hash keeps its first submission time.
 */
export function recordSubmission(db: D1Database, id: string, nowMs: number, s: Submission) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET status = 'submitted',
           submitted_at_ms = CASE WHEN submitted_tx_hash = ?3 THEN submitted_at_ms ELSE ?2 END,
           submitted_tx_hash = ?3, submitted_hash_kind = ?4, submitted_in_tx_hash = ?5,
           failure_reason = NULL, updated_at_ms = ?2
          WHERE id = ?1 AND status IN ('ready', 'submitted')
          RETURNING *`,
      )
      .bind(id, nowMs, s.hash.toLowerCase(), s.kind, s.inTxHash?.toLowerCase() ?? null),
  );
}

/** The chain has since said what the submitted hash is (it was unknown when submitted). */
export function recordSubmittedKind(db: D1Database, id: string, nowMs: number, s: Submission) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET submitted_hash_kind = ?4, submitted_in_tx_hash = ?5, updated_at_ms = ?2
          WHERE id = ?1 AND status = 'submitted' AND submitted_tx_hash = ?3 RETURNING *`,
      )
      .bind(id, nowMs, s.hash.toLowerCase(), s.kind, s.inTxHash?.toLowerCase() ?? null),
  );
}

export interface Confirmation {
  txHash: Hash;
  /** The log that proves it (v1 `Withdrawal`, v2 `Transfer`). */
  logIndex: number;
  userOpHash: Hash | null;
  blockNumber: number;
}

/**
 * The chain shows the withdrawal executed by this log of this transaction. Null when another withdrawal
 * already holds that log (or the row moved on): the caller tries the next matching log, and never treats
 * a claimed log as a failure.
 */
export async function recordConfirmed(db: D1Database, id: string, nowMs: number, c: Confirmation): Promise<WithdrawalRecord | null> {
  try {
    return await updated(
      db
        .prepare(
          `UPDATE withdrawals SET status = 'confirmed', confirmed_tx_hash = ?3, confirmed_log_index = ?4, confirmed_user_op_hash = ?5,
             confirmed_block = ?6, confirmed_at_ms = ?2, failure_reason = NULL, last_reconciled_at_ms = ?2,
             reconcile_error = NULL, reconcile_failures = 0, next_reconcile_at_ms = NULL, updated_at_ms = ?2
            WHERE id = ?1 AND status IN ('ready', 'submitted')
              AND NOT EXISTS (SELECT 1 FROM withdrawals other WHERE other.confirmed_tx_hash = ?3 AND other.confirmed_log_index = ?4)
            RETURNING *`,
        )
        .bind(id, nowMs, c.txHash.toLowerCase(), c.logIndex, c.userOpHash?.toLowerCase() ?? null, c.blockNumber),
    );
  } catch (error) {
    // Another row claimed the same log between the check and the write (the unique index decided).
    if (/UNIQUE constraint failed/i.test(String((error as Error)?.message))) return null;
    throw error;
  }
}

/** A final outcome other than confirmed: `failed` (the transaction reverted) or `expired` (never executed in time). */
export function recordOutcome(db: D1Database, id: string, nowMs: number, status: "failed" | "expired", reason: string) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET status = ?3, failure_reason = ?4, last_reconciled_at_ms = ?2,
           reconcile_error = NULL, reconcile_failures = 0, next_reconcile_at_ms = NULL, updated_at_ms = ?2
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
        `UPDATE withdrawals SET status = 'ready', submitted_tx_hash = NULL, submitted_hash_kind = NULL, submitted_in_tx_hash = NULL,
           submitted_at_ms = NULL, failure_reason = ?4, last_reconciled_at_ms = ?2, updated_at_ms = ?2
          WHERE id = ?1 AND status = 'submitted' AND submitted_tx_hash = ?3 RETURNING *`,
      )
      .bind(id, nowMs, txHash.toLowerCase(), reason),
  );
}

/** Checked against the chain and nothing changed; the logs have been searched up to `searchedToBlock`. */
export async function recordReconciled(db: D1Database, id: string, nowMs: number, searchedToBlock: number | null): Promise<void> {
  await db
    .prepare(
      `UPDATE withdrawals SET last_reconciled_at_ms = ?2, logs_searched_to_block = COALESCE(?3, logs_searched_to_block),
         reconcile_error = NULL, reconcile_failures = 0, next_reconcile_at_ms = NULL
        WHERE id = ?1`,
    )
    .bind(id, nowMs, searchedToBlock)
    .run();
}

/** Reading the chain for this row failed: note why, and when the Cron Trigger should try it again. */
export async function recordReconcileFailure(db: D1Database, id: string, nowMs: number, error: string, nextAttemptAtMs: number): Promise<void> {
  await db
    .prepare(
      `UPDATE withdrawals SET reconcile_error = ?3, reconcile_failures = reconcile_failures + 1, next_reconcile_at_ms = ?4,
         last_reconciled_at_ms = ?2
        WHERE id = ?1`,
    )
    .bind(id, nowMs, error, nextAttemptAtMs)
    .run();
}
