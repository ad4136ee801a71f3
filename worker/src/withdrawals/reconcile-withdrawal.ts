import type { Hash } from "viem";
import type { ChainClient } from "../chain/chain-client";
import { findWithdrawnEvent } from "../chain/find-withdrawn-event";
import { getWithdrawalReceipt } from "../chain/get-withdrawal-receipt";
import { readLatestBlock, type ReadLatestBlockReturnType } from "../chain/read-latest-block";
import { readRevertReason } from "../chain/read-revert-reason";
import type { WithdrawalRecord } from "./withdrawal-record";
import { recordConfirmed, recordOutcome, recordReconciled, reopenSubmission } from "./withdrawal-chain.queries";
import { findWithdrawal } from "./withdrawals.queries";

export interface ReconcileDeps {
  db: D1Database;
  chain: ChainClient;
  /** `CHAIN_ID`: withdrawals on any other chain cannot be checked here and are left as they are. */
  chainId: number;
  now: () => number;
}

/**
 * How long past the signature's expiry (by the chain's clock) a submitted transaction that no block
 * holds is still waited for. After expiry it could only revert, so this only covers reorgs.
 */
export const SUBMITTED_EXPIRY_GRACE_SECONDS = 300;
/** Where to search for the Withdrawn event when the block the withdrawal became ready at is unknown. */
const FALLBACK_SEARCH_BLOCKS = 10_000n;

/**
 * Brings a ready or submitted withdrawal up to date with the chain, the only source of truth once
 * the wallet has sent a transaction:
 * - executed (the call target's `Withdrawn` event for this executor salt, in the submitted transaction
 *   or any other) → `confirmed` with the hash the chain reports;
 * - the submitted transaction reverted → `failed` with the contract's reason;
 * - a mined transaction that did something else → back to `ready` (the hash was not this withdrawal's);
 * - the signature expired by the chain's clock with nothing executed → `expired`;
 * - otherwise unchanged (still waiting to be mined, or not sent yet).
 *
 * @throws AppError `chain_unavailable`; nothing is changed then, and the next read or cron run retries.
 */
export async function reconcileWithdrawal(deps: ReconcileDeps, record: WithdrawalRecord): Promise<WithdrawalRecord> {
  if (record.status !== "ready" && record.status !== "submitted") return record;
  const { parameters: p, execution } = record;
  if (!p || !execution?.callTarget || execution.chainId !== deps.chainId) return record;
  const callTarget = execution.callTarget;

  const head = await readLatestBlock(deps.chain);
  const chainNow = Math.max(head.timestamp, Math.floor(deps.now() / 1000));

  const settle = async (status: "failed" | "expired", reason: string) =>
    (await recordOutcome(deps.db, record.id, deps.now(), status, reason)) ?? (await reread(deps, record));
  // Executed: confirmed, unless that transaction already confirms another withdrawal (one signature, two rows).
  const executedBy = async (txHash: Hash, blockNumber: bigint) =>
    (await recordConfirmed(deps.db, record.id, deps.now(), txHash, Number(blockNumber))) ??
    (await settle("failed", `its signature was executed by transaction ${txHash}, which confirms another withdrawal`));
  const findExecution = () =>
    findWithdrawnEvent(deps.chain, { callTarget, collateralProxy: p.collateralProxy, executorSalt: p.executorSalt, fromBlock: searchFrom(record, head) });

  if (record.status === "ready") {
    if (chainNow <= p.expiresAt) return record;
    // Expired, unless a transaction ran before expiry that nobody reported.
    const executed = await findExecution();
    if (executed) return executedBy(executed.transactionHash, executed.blockNumber);
    return settle("expired", "the signature expired before a transaction executed it");
  }

  const hash = record.submittedTxHash!;
  const receipt = await getWithdrawalReceipt(deps.chain, { hash, callTarget, executorSalt: p.executorSalt });
  if (receipt?.executedThisWithdrawal) return executedBy(receipt.transactionHash, receipt.blockNumber);
  // A replaced (sped-up) transaction, a smart wallet's bundle, or a second send executed it under another hash.
  const executed = await findExecution();
  if (executed) return executedBy(executed.transactionHash, executed.blockNumber);

  if (receipt?.status === "reverted") {
    return settle("failed", `transaction ${await readRevertReason(deps.chain, { hash, blockNumber: receipt.blockNumber })}`);
  }
  if (receipt) {
    // Mined, but it did something else: the hash was not this withdrawal's.
    const reason = `transaction ${hash} did not execute this withdrawal`;
    if (chainNow > p.expiresAt) return settle("expired", reason);
    return (await reopenSubmission(deps.db, record.id, deps.now(), hash, reason)) ?? (await reread(deps, record));
  }
  if (chainNow > p.expiresAt + SUBMITTED_EXPIRY_GRACE_SECONDS) {
    return settle("expired", "the transaction was not mined before the signature expired");
  }
  await recordReconciled(deps.db, record.id, deps.now());
  return { ...record, lastReconciledAtMs: deps.now() };
}

function searchFrom(record: WithdrawalRecord, head: ReadLatestBlockReturnType): bigint {
  if (record.readyBlock !== null) return BigInt(Math.max(0, record.readyBlock - 1));
  return head.number > FALLBACK_SEARCH_BLOCKS ? head.number - FALLBACK_SEARCH_BLOCKS : 0n;
}

/** Another request moved the row first: its state is the answer. */
async function reread(deps: ReconcileDeps, record: WithdrawalRecord): Promise<WithdrawalRecord> {
  return (await findWithdrawal(deps.db, record.partnerUserId, record.id)) ?? record;
}
