import { recordFromRow, type WithdrawalRecord, type WithdrawalRow } from "./withdrawal-record";

/**
 * D1 access for withdrawals: creating a row for (user, Idempotency-Key) and reading rows. State changes
 * are in `withdrawal-upstream.queries.ts` (talking to Machines) and `withdrawal-chain.queries.ts` (the
 * chain side); each is one conditional UPDATE … RETURNING guarded by the state it leaves, so a read, the
 * Cron Trigger and a retried request racing on one row cannot move it twice: the loser gets null.
 */

/** A new row: the request's own fields of the record (the rest starts empty), and when. */
export type NewWithdrawal = Pick<
  WithdrawalRecord,
  "id" | "partnerUserId" | "idempotencyKey" | "requestFingerprint" | "upstreamRequest" | "amountCents" | "destination" | "adminAddress"
> & { nowMs: number };

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

/** Removes a row no request has started on (its creator was rate-limited): the key is free again. */
export async function deleteUnstartedWithdrawal(db: D1Database, id: string): Promise<void> {
  await db
    .prepare("DELETE FROM withdrawals WHERE id = ?1 AND status = 'pending' AND upstream_replied = 0 AND lease_id IS NULL")
    .bind(id)
    .run();
}

/**
 * Forgets refusals older than `beforeMs`: a `rejected` row only exists to replay Machines' refusal to a
 * retry with the same Idempotency-Key, and keys are kept 24 h (as Machines keeps its own). Returns how many.
 */
export async function purgeRejectedWithdrawals(db: D1Database, beforeMs: number): Promise<number> {
  const result = await db.prepare("DELETE FROM withdrawals WHERE status = 'rejected' AND updated_at_ms < ?1").bind(beforeMs).run();
  return result.meta.changes;
}
