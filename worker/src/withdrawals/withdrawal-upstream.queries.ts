import { recordOrNull as updated, type UpstreamRejection, type WithdrawalRecord } from "./withdrawal-record";
import type { WithdrawalCallParameters } from "./call-parameters";
import type { WithdrawalExecution } from "./execution";

/**
 * The pending phase in D1: who may call Machines for a row (its lease), and what Machines answered
 * (pending, ready, or a refusal of the very first create). Only the lease holder records a reply.
 */

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

/** The relay's payout (migration 0012), bound after each statement's own values from `?first` on. */
const relayPayoutColumns = (first: number) =>
  `relay_payout_address = ?${first}, relay_payout_extra_id = ?${first + 1}, relay_to_currency = ?${first + 2}, relay_to_network = ?${first + 3}`;

function relayPayoutValues(relay: WithdrawalRecord["relay"]) {
  return [relay?.payoutAddress ?? null, relay?.payoutExtraId ?? null, relay?.toCurrency ?? null, relay?.toNetwork ?? null];
}

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
        `UPDATE withdrawals SET ${EXECUTION_COLUMNS}, retry_after_seconds = ?12, next_attempt_at_ms = ?13, ${relayPayoutColumns(14)},
           upstream_replied = 1, upstream_attempts = upstream_attempts + 1, lease_id = NULL, lease_until_ms = NULL, updated_at_ms = ?3
          WHERE id = ?1 AND lease_id = ?2 AND status = 'pending'
          RETURNING *`,
      )
      .bind(id, leaseId, nowMs, ...executionValues(reply.execution, reply.relay), reply.retryAfterSeconds, reply.nextAttemptAtMs, ...relayPayoutValues(reply.relay)),
  );
}

export interface ReadyReply {
  execution: WithdrawalExecution | null;
  relay: WithdrawalRecord["relay"];
  parameters: WithdrawalCallParameters;
  /** The token's decimals the amount was bound with. */
  assetDecimals: number | null;
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
           executor_salt = ?17, executor_signature = ?18, ready_block = ?19, ${relayPayoutColumns(20)}, asset_decimals = ?24,
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
        ...relayPayoutValues(reply.relay),
        reply.assetDecimals,
      ),
  );
}
