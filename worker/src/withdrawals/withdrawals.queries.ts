import type { Address, Hash } from "viem";
import type { WithdrawalCallParameters } from "./call-parameters";
import type { WithdrawalExecution } from "./execution";
import { recordFromRow, type UpstreamRejection, type WithdrawalRecord, type WithdrawalRow } from "./withdrawal-record";

/**
 * D1 access for withdrawals. Every state change is one conditional UPDATE … RETURNING, guarded by the
 * state it leaves, so a read, the Cron Trigger and a retried request racing on the same row cannot
 * move it twice: the loser gets null and re-reads.
 */

export interface NewWithdrawal {
  id: string;
  partnerUserId: string;
  idempotencyKey: string;
  requestFingerprint: string;
  upstreamRequest: string;
  amountCents: number;
  destination: { currency: string; network: string; address: string; extraId: string | null };
  adminAddress: Address;
  nowMs: number;
}

/**
 * Inserts the withdrawal for (user, idempotency key), or returns the one already there.
 * `created` is true for exactly one of any number of concurrent callers with the same key.
 */
export async function insertOrGetWithdrawal(db: D1Database, w: NewWithdrawal): Promise<{ record: WithdrawalRecord; created: boolean }> {
  const inserted = await db
    .prepare(
      `INSERT INTO withdrawals (id, partner_user_id, idempotency_key, request_fingerprint, upstream_request, amount_cents,
         destination_currency, destination_network, destination_address, destination_extra_id, admin_address,
         status, created_at_ms, updated_at_ms)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'pending', ?12, ?12)
       ON CONFLICT (partner_user_id, idempotency_key) DO NOTHING
       RETURNING *`,
    )
    .bind(
      w.id,
      w.partnerUserId,
      w.idempotencyKey,
      w.requestFingerprint,
      w.upstreamRequest,
      w.amountCents,
      w.destination.currency,
      w.destination.network,
      w.destination.address,
      w.destination.extraId,
      w.adminAddress,
      w.nowMs,
    )
    .first<WithdrawalRow>();
  if (inserted) return { record: recordFromRow(inserted), created: true };
  const existing = await findWithdrawalByKey(db, w.partnerUserId, w.idempotencyKey);
  if (!existing) throw new Error("withdrawal insert conflicted but no row holds the key");
  return { record: existing, created: false };
}

export async function findWithdrawalByKey(db: D1Database, partnerUserId: string, idempotencyKey: string): Promise<WithdrawalRecord | null> {
  const row = await db
    .prepare("SELECT * FROM withdrawals WHERE partner_user_id = ?1 AND idempotency_key = ?2")
    .bind(partnerUserId, idempotencyKey)
    .first<WithdrawalRow>();
  return row ? recordFromRow(row) : null;
}

/** The user's withdrawal with this id; another user's (or a rejected one) is null, exactly like a missing one. */
export async function findWithdrawal(db: D1Database, partnerUserId: string, id: string): Promise<WithdrawalRecord | null> {
  const row = await db
    .prepare("SELECT * FROM withdrawals WHERE id = ?1 AND partner_user_id = ?2 AND status <> 'rejected'")
    .bind(id, partnerUserId)
    .first<WithdrawalRow>();
  return row ? recordFromRow(row) : null;
}

/** The user's withdrawals, newest first. */
export async function listWithdrawals(db: D1Database, partnerUserId: string, limit = 50): Promise<WithdrawalRecord[]> {
  const { results } = await db
    .prepare("SELECT * FROM withdrawals WHERE partner_user_id = ?1 AND status <> 'rejected' ORDER BY created_at_ms DESC, id DESC LIMIT ?2")
    .bind(partnerUserId, limit)
    .all<WithdrawalRow>();
  return results.map(recordFromRow);
}

/**
 * What the Cron Trigger reconciles: every submitted transaction, and ready withdrawals whose signature
 * has run out by the Worker's clock (to find a transaction that was sent but never reported).
 * Least recently checked first, so a large backlog is walked fairly across runs.
 */
export async function listWithdrawalsToReconcile(db: D1Database, nowMs: number, limit: number): Promise<WithdrawalRecord[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM withdrawals
        WHERE status = 'submitted' OR (status = 'ready' AND expires_at IS NOT NULL AND expires_at * 1000 < ?1)
        ORDER BY last_reconciled_at_ms IS NOT NULL, last_reconciled_at_ms, created_at_ms
        LIMIT ?2`,
    )
    .bind(nowMs, limit)
    .all<WithdrawalRow>();
  return results.map(recordFromRow);
}

async function updated(statement: D1PreparedStatement): Promise<WithdrawalRecord | null> {
  const row = await statement.first<WithdrawalRow>();
  return row ? recordFromRow(row) : null;
}

/**
 * Takes the right to call Machines for a pending withdrawal until `untilMs`: only when no one else
 * holds it and the retry time has come. Null when another request holds it or it is not yet time.
 */
export function acquireUpstreamLease(db: D1Database, id: string, leaseId: string, nowMs: number, untilMs: number) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET lease_id = ?2, lease_until_ms = ?4, updated_at_ms = ?3
          WHERE id = ?1 AND status = 'pending'
            AND (lease_until_ms IS NULL OR lease_until_ms <= ?3)
            AND (next_attempt_at_ms IS NULL OR next_attempt_at_ms <= ?3)
          RETURNING *`,
      )
      .bind(id, leaseId, nowMs, untilMs),
  );
}

/** Gives the lease back without a reply (Machines failed); the next request may try again at once. */
export async function releaseUpstreamLease(db: D1Database, id: string, leaseId: string, nowMs: number): Promise<void> {
  await db
    .prepare("UPDATE withdrawals SET lease_id = NULL, lease_until_ms = NULL, updated_at_ms = ?3 WHERE id = ?1 AND lease_id = ?2")
    .bind(id, leaseId, nowMs)
    .run();
}

/** Removes a row no request has started on (its creator was rate-limited): the key is free again. */
export async function deleteUnstartedWithdrawal(db: D1Database, id: string): Promise<void> {
  await db
    .prepare("DELETE FROM withdrawals WHERE id = ?1 AND status = 'pending' AND upstream_replied = 0 AND lease_id IS NULL")
    .bind(id)
    .run();
}

/**
 * Machines refused the very first create (4xx): nothing exists upstream. The row keeps the key and
 * the refusal, which every request with that key gets again. Never applies once Machines has answered.
 */
export function recordRejection(db: D1Database, id: string, leaseId: string, nowMs: number, rejection: UpstreamRejection) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET status = 'rejected', rejection_status = ?4, rejection_code = ?5, rejection_message = ?6,
           rejection_field = ?7, lease_id = NULL, lease_until_ms = NULL, updated_at_ms = ?3
          WHERE id = ?1 AND lease_id = ?2 AND status = 'pending' AND upstream_replied = 0
          RETURNING *`,
      )
      .bind(id, leaseId, nowMs, rejection.status, rejection.code, rejection.message, rejection.field),
  );
}

const EXECUTION_COLUMNS = `call_path = ?4, call_target = ?5, chain_id = ?6, collateral_proxy = ?7, contract_version = ?8,
  contract_id = ?9, relay_payin_address = ?10, relay_payin_extra_id = ?11`;

function executionValues(execution: WithdrawalExecution | null, relay: WithdrawalRecord["relay"]) {
  return [
    execution?.callPath ?? null,
    execution?.callTarget ?? null,
    execution?.chainId ?? null,
    execution?.collateralProxyAddress ?? null,
    execution?.contractVersion ?? null,
    execution?.contractId ?? null,
    relay?.payinAddress ?? null,
    relay?.payinExtraId ?? null,
  ];
}

export interface PendingReply {
  retryAfterSeconds: number | null;
  nextAttemptAtMs: number;
  execution: WithdrawalExecution | null;
  relay: WithdrawalRecord["relay"];
}

/** Machines said pending: keep its execution and when to ask again, and give the lease back. */
export function recordPendingReply(db: D1Database, id: string, leaseId: string, nowMs: number, reply: PendingReply) {
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET ${EXECUTION_COLUMNS}, retry_after_seconds = ?12, next_attempt_at_ms = ?13,
           upstream_replied = 1, upstream_attempts = upstream_attempts + 1, lease_id = NULL, lease_until_ms = NULL, updated_at_ms = ?3
          WHERE id = ?1 AND lease_id = ?2 AND status = 'pending'
          RETURNING *`,
      )
      .bind(id, leaseId, nowMs, ...executionValues(reply.execution, reply.relay), reply.retryAfterSeconds, reply.nextAttemptAtMs),
  );
}

export interface ReadyReply {
  execution: WithdrawalExecution | null;
  relay: WithdrawalRecord["relay"];
  parameters: WithdrawalCallParameters;
  readyBlock: number | null;
}

/** Machines said ready: keep the normalised parameters; the withdrawal can now be prepared. */
export function recordReadyReply(db: D1Database, id: string, leaseId: string, nowMs: number, reply: ReadyReply) {
  const p = reply.parameters;
  return updated(
    db
      .prepare(
        `UPDATE withdrawals SET ${EXECUTION_COLUMNS}, status = 'ready', retry_after_seconds = NULL, next_attempt_at_ms = NULL,
           collateral_proxy_param = ?12, asset_address = ?13, amount_native = ?14, recipient = ?15, expires_at = ?16,
           executor_salt = ?17, executor_signature = ?18, ready_block = ?19,
           upstream_replied = 1, upstream_attempts = upstream_attempts + 1, lease_id = NULL, lease_until_ms = NULL, updated_at_ms = ?3
          WHERE id = ?1 AND lease_id = ?2 AND status = 'pending'
          RETURNING *`,
      )
      .bind(
        id,
        leaseId,
        nowMs,
        ...executionValues(reply.execution, reply.relay),
        p.collateralProxy,
        p.asset,
        p.amount.toString(),
        p.recipient,
        p.expiresAt,
        p.executorSalt,
        p.executorSignature,
        reply.readyBlock,
      ),
  );
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
