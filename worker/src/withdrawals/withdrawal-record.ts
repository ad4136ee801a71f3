import type { Address, Hash, Hex } from "viem";
import type { WithdrawalStatus } from "@machines-card/contract/api/withdrawals";
import type { WithdrawalCallParameters } from "./call-parameters";
import type { CallPath, WithdrawalExecution } from "./execution";
import type { WithdrawalRelay } from "./withdrawal-relay";

/**
 * The API's statuses, plus `rejected`: Machines refused the first create, so nothing exists upstream.
 * A rejected row only keeps its idempotency key and replays the refusal; it is never shown or listed.
 */
export type StoredStatus = WithdrawalStatus | "rejected";

/** Machines' 4xx answer to the first create, replayed for the same key. */
export interface UpstreamRejection {
  status: number;
  code: string;
  message: string;
  field: string | null;
}

/** What a submitted hash turned out to be: a transaction, or an ERC-4337 user operation inside a bundle. */
export type SubmittedHashKind = "transaction" | "user_operation";


/** A withdrawal as D1 keeps it (`migrations/0010_withdrawals.sql`, `0011_withdrawal_confirmations.sql`), in the Worker's own terms. */
export interface WithdrawalRecord {
  id: string;
  partnerUserId: string;
  idempotencyKey: string;
  requestFingerprint: string;
  /** The exact JSON body sent to Machines on every call for this withdrawal. */
  upstreamRequest: string;
  amountCents: number;
  destination: { currency: string; network: string; address: string; extraId: string | null };
  adminAddress: Address;
  status: StoredStatus;
  rejection: UpstreamRejection | null;
  /** Machines has answered create at least once, so the withdrawal exists there. */
  upstreamReplied: boolean;
  upstreamAttempts: number;
  retryAfterSeconds: number | null;
  nextAttemptAtMs: number | null;
  leaseId: string | null;
  leaseUntilMs: number | null;
  execution: WithdrawalExecution | null;
  relay: WithdrawalRelay | null;
  parameters: WithdrawalCallParameters | null;
  /** `decimals()` of `parameters.asset`, read when the reply was bound (null on older rows). */
  assetDecimals: number | null;
  readyBlock: number | null;
  adminSalt: Hex | null;
  adminNonce: bigint | null;
  adminSaltIssuedAtMs: number | null;
  /** The hash the wallet reported: a transaction or a user-operation hash (a candidate until the chain confirms it). */
  submittedTxHash: Hash | null;
  /** Null while the chain has not said what the submitted hash is. */
  submittedHashKind: SubmittedHashKind | null;
  /** The bundle transaction holding a submitted user operation, once found. */
  submittedInTxHash: Hash | null;
  submittedAtMs: number | null;
  confirmedTxHash: Hash | null;
  /** The log that proves the execution (v1 `Withdrawal`, v2 `Transfer`); with the hash, unique per withdrawal. */
  confirmedLogIndex: number | null;
  confirmedUserOpHash: Hash | null;
  confirmedBlock: number | null;
  confirmedAtMs: number | null;
  failureReason: string | null;
  lastReconciledAtMs: number | null;
  /** The last block whose logs were searched for this withdrawal's execution. */
  logsSearchedToBlock: number | null;
  /** Why the last reconciliation of this row failed, and when the Cron Trigger tries it again. */
  reconcileError: string | null;
  reconcileFailures: number;
  nextReconcileAtMs: number | null;
  createdAtMs: number;
  updatedAtMs: number;
}

/** One row of `withdrawals`, as D1 returns it. */
export interface WithdrawalRow {
  id: string;
  partner_user_id: string;
  idempotency_key: string;
  request_fingerprint: string;
  upstream_request: string;
  amount_cents: number;
  destination_currency: string;
  destination_network: string;
  destination_address: string;
  destination_extra_id: string | null;
  admin_address: string;
  status: StoredStatus;
  upstream_replied: number;
  upstream_attempts: number;
  retry_after_seconds: number | null;
  next_attempt_at_ms: number | null;
  lease_id: string | null;
  lease_until_ms: number | null;
  rejection_status: number | null;
  rejection_code: string | null;
  rejection_message: string | null;
  rejection_field: string | null;
  call_path: CallPath | null;
  call_target: string | null;
  chain_id: number | null;
  collateral_proxy: string | null;
  contract_version: number | null;
  contract_id: string | null;
  relay_payin_address: string | null;
  relay_payin_extra_id: string | null;
  relay_payout_address: string | null;
  relay_payout_extra_id: string | null;
  relay_to_currency: string | null;
  relay_to_network: string | null;
  asset_decimals: number | null;
  collateral_proxy_param: string | null;
  asset_address: string | null;
  amount_native: string | null;
  recipient: string | null;
  expires_at: number | null;
  executor_salt: string | null;
  executor_signature: string | null;
  ready_block: number | null;
  admin_salt: string | null;
  admin_nonce: string | null;
  admin_salt_issued_at_ms: number | null;
  submitted_tx_hash: string | null;
  submitted_hash_kind: SubmittedHashKind | null;
  submitted_in_tx_hash: string | null;
  submitted_at_ms: number | null;
  confirmed_tx_hash: string | null;
  confirmed_log_index: number | null;
  confirmed_user_op_hash: string | null;
  confirmed_block: number | null;
  confirmed_at_ms: number | null;
  failure_reason: string | null;
  last_reconciled_at_ms: number | null;
  logs_searched_to_block: number | null;
  reconcile_error: string | null;
  reconcile_failures: number;
  next_reconcile_at_ms: number | null;
  created_at_ms: number;
  updated_at_ms: number;
}

export function recordFromRow(row: WithdrawalRow): WithdrawalRecord {
  return {
    id: row.id,
    partnerUserId: row.partner_user_id,
    idempotencyKey: row.idempotency_key,
    requestFingerprint: row.request_fingerprint,
    upstreamRequest: row.upstream_request,
    amountCents: row.amount_cents,
    destination: {
      currency: row.destination_currency,
      network: row.destination_network,
      address: row.destination_address,
      extraId: row.destination_extra_id,
    },
    adminAddress: row.admin_address as Address,
    status: row.status,
    rejection:
      row.rejection_status !== null && row.rejection_code !== null
        ? { status: row.rejection_status, code: row.rejection_code, message: row.rejection_message ?? "", field: row.rejection_field }
        : null,
    upstreamReplied: row.upstream_replied === 1,
    upstreamAttempts: row.upstream_attempts,
    retryAfterSeconds: row.retry_after_seconds,
    nextAttemptAtMs: row.next_attempt_at_ms,
    leaseId: row.lease_id,
    leaseUntilMs: row.lease_until_ms,
    execution: row.call_path
      ? {
          callPath: row.call_path,
          callTarget: row.call_target as Address | null,
          chainId: row.chain_id,
          collateralProxyAddress: row.collateral_proxy as Address | null,
          contractVersion: row.contract_version,
          contractId: row.contract_id,
        }
      : null,
    relay: row.relay_payin_address
      ? {
          payinAddress: row.relay_payin_address,
          payinExtraId: row.relay_payin_extra_id,
          payoutAddress: row.relay_payout_address ?? null,
          payoutExtraId: row.relay_payout_extra_id ?? null,
          toCurrency: row.relay_to_currency ?? null,
          toNetwork: row.relay_to_network ?? null,
        }
      : null,
    parameters: parametersFromRow(row),
    assetDecimals: row.asset_decimals ?? null,
    readyBlock: row.ready_block,
    adminSalt: row.admin_salt as Hex | null,
    adminNonce: row.admin_nonce === null ? null : BigInt(row.admin_nonce),
    adminSaltIssuedAtMs: row.admin_salt_issued_at_ms,
    submittedTxHash: row.submitted_tx_hash as Hash | null,
    submittedHashKind: row.submitted_hash_kind,
    submittedInTxHash: row.submitted_in_tx_hash as Hash | null,
    submittedAtMs: row.submitted_at_ms,
    confirmedTxHash: row.confirmed_tx_hash as Hash | null,
    confirmedLogIndex: row.confirmed_log_index,
    confirmedUserOpHash: row.confirmed_user_op_hash as Hash | null,
    confirmedBlock: row.confirmed_block,
    confirmedAtMs: row.confirmed_at_ms,
    failureReason: row.failure_reason,
    lastReconciledAtMs: row.last_reconciled_at_ms,
    logsSearchedToBlock: row.logs_searched_to_block,
    reconcileError: row.reconcile_error,
    reconcileFailures: row.reconcile_failures ?? 0,
    nextReconcileAtMs: row.next_reconcile_at_ms,
    createdAtMs: row.created_at_ms,
    updatedAtMs: row.updated_at_ms,
  };
}

function parametersFromRow(row: WithdrawalRow): WithdrawalCallParameters | null {
  const { collateral_proxy_param, asset_address, amount_native, recipient, expires_at, executor_salt, executor_signature } = row;
  if (!collateral_proxy_param || !asset_address || !amount_native || !recipient || expires_at === null || !executor_salt || !executor_signature) {
    return null;
  }
  return {
    collateralProxy: collateral_proxy_param as Address,
    asset: asset_address as Address,
    amount: BigInt(amount_native),
    recipient: recipient as Address,
    expiresAt: expires_at,
    executorSalt: executor_salt as Hex,
    executorSignature: executor_signature as Hex,
  };
}

/** The row an UPDATE … RETURNING * changed, or null when its guard did not match. */
export async function recordOrNull(statement: D1PreparedStatement): Promise<WithdrawalRecord | null> {
  const row = await statement.first<WithdrawalRow>();
  return row ? recordFromRow(row) : null;
}
