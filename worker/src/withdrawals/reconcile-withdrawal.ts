import type { Address, Hash } from "viem";
import type { ChainClient } from "../chain/chain-client";
import { findTransferLogs } from "../chain/find-transfer-logs";
import { readLatestBlock, type ReadLatestBlockReturnType } from "../chain/read-latest-block";
import { readRevertReason } from "../chain/read-revert-reason";
import { readTransactionFacts, type TransactionFacts } from "../chain/read-transaction-facts";
import { candidateOutcome, type ExpectedExecution, findExecutions } from "./execution-evidence";
import { planWithdrawalCall } from "./execution";
import { resolveSubmittedHash } from "./resolve-submitted-hash";
import type { WithdrawalRecord } from "./withdrawal-record";
import { recordConfirmed, recordOutcome, recordReconciled, recordSubmittedKind, reopenSubmission } from "./withdrawal-chain.queries";
import { findWithdrawal } from "./withdrawals.queries";

export interface ReconcileDeps {
  db: D1Database;
  chain: ChainClient;
  /** `CHAIN_ID`: withdrawals on any other chain cannot be checked here and are left as they are. */
  chainId: number;
  /** `CHAIN_ENTRY_POINTS` with the canonical ones: whose user operations are trusted. */
  entryPoints: readonly Address[];
  /** `CHAIN_LOGS_MAX_BLOCKS`: the widest block range one `eth_getLogs` asks for. */
  logsMaxBlocks: number;
  now: () => number;
}

/**
 * How long past the signature's expiry (by the chain's clock) a submitted transaction that no block
 * holds is still waited for. After expiry it could only revert, so this only covers reorgs.
 */
export const SUBMITTED_EXPIRY_GRACE_SECONDS = 300;
/** Windows of `logsMaxBlocks` one reconciliation reads at most; the rest waits for the next read or run. */
export const MAX_LOG_WINDOWS = 25;
/** Where to search when the block the withdrawal became ready at is unknown. */
const FALLBACK_SEARCH_BLOCKS = 10_000n;
/** Blocks searched again every time, in case a reorg replaced them since the last search. */
const REORG_OVERLAP_BLOCKS = 10n;

/**
 * Brings a ready or submitted withdrawal up to date with the chain, the only source of truth once the
 * wallet has sent something:
 * - executed (`findExecutions`: a successful receipt with Rain's `Withdrawal` (v1) and the token's
 *   `Transfer` out of the collateral to the signed recipient, from the user's wallet or its user
 *   operation, with the executor salt in the calldata), in the submitted transaction or any other one the
 *   logs show → `confirmed` by that transaction and log;
 * - the submitted transaction (or the wallet's operation in it) reverted → `failed` with the reason;
 * - the submitted transaction did something else → back to `ready` (the hash was not this withdrawal's);
 * - the signature expired by the chain's clock with nothing executed → `expired`;
 * - otherwise unchanged (an unknown hash is a candidate, never a verdict).
 * Failure and expiry are only decided once the logs have been searched up to the chain's head.
 *
 * @throws AppError `chain_unavailable`; nothing is changed then, and the next read or cron run retries.
 */
export async function reconcileWithdrawal(deps: ReconcileDeps, record: WithdrawalRecord): Promise<WithdrawalRecord> {
  if (record.status !== "ready" && record.status !== "submitted") return record;
  const p = record.parameters;
  if (!p) return record;
  const plan = planWithdrawalCall(record.execution, p, deps.chainId);
  if (!plan.ok) return record;

  const head = await readLatestBlock(deps.chain);
  const chainNow = Math.max(head.timestamp, Math.floor(deps.now() / 1000));
  if (record.status === "ready" && chainNow <= p.expiresAt) return record;

  const expected: ExpectedExecution = {
    callPath: plan.value.callPath,
    callTarget: plan.value.callTarget,
    parameters: p,
    wallet: record.adminAddress,
    entryPoints: deps.entryPoints,
  };
  const checked = new Set<Hash>();
  /** Claims the first log of `tx` that executes this withdrawal and no other withdrawal holds. */
  const claim = async (tx: TransactionFacts): Promise<WithdrawalRecord | null> => {
    checked.add(tx.hash.toLowerCase() as Hash);
    for (const match of findExecutions(tx, expected)) {
      const confirmation = { txHash: tx.hash, logIndex: match.logIndex, userOpHash: match.userOpHash, blockNumber: Number(tx.receipt!.blockNumber) };
      const confirmed = await recordConfirmed(deps.db, record.id, deps.now(), confirmation);
      if (confirmed) return confirmed;
      const now = await reread(deps, record);
      if (now.status !== "ready" && now.status !== "submitted") return now; // another request settled it
    }
    return null;
  };

  // 1. The submitted hash, a candidate.
  let candidate: { facts: TransactionFacts | null; userOpHash: Hash | null } | null = null;
  if (record.status === "submitted" && record.submittedTxHash) {
    const hash = record.submittedTxHash;
    const resolved = await resolveSubmittedHash(deps, record, hash, head, { kind: record.submittedHashKind, inTxHash: record.submittedInTxHash });
    if (resolved.kind && resolved.kind !== record.submittedHashKind) {
      await recordSubmittedKind(deps.db, record.id, deps.now(), { hash, kind: resolved.kind, inTxHash: resolved.inTxHash });
    }
    candidate = { facts: resolved.facts, userOpHash: resolved.userOpHash };
    if (resolved.facts?.receipt) {
      const settled = await claim(resolved.facts);
      if (settled) return settled;
    }
  }

  // 2. The logs: any transfer out of the collateral to the recipient, whoever reported it.
  const search = await searchLogs(deps, record, head, claim, checked);
  if (search.settled) return search.settled;
  const searched = Number(search.searchedTo);
  if (search.searchedTo < head.number) {
    await recordReconciled(deps.db, record.id, deps.now(), searched);
    return { ...record, lastReconciledAtMs: deps.now(), logsSearchedToBlock: searched };
  }

  // 3. Nothing executed it up to the head: verdicts.
  const settle = async (status: "failed" | "expired", reason: string) =>
    (await recordOutcome(deps.db, record.id, deps.now(), status, reason)) ?? (await reread(deps, record));
  if (record.status === "ready") return settle("expired", "the signature expired before a transaction executed it");

  const hash = record.submittedTxHash!;
  const outcome = candidate?.facts ? candidateOutcome(candidate.facts, expected, candidate.userOpHash) : "pending";
  if (outcome === "reverted") {
    const facts = candidate!.facts!;
    return settle("failed", `transaction ${await readRevertReason(deps.chain, { hash: facts.hash, blockNumber: facts.receipt!.blockNumber })}`);
  }
  if (outcome === "operation_reverted") return settle("failed", `the wallet's user operation in transaction ${candidate!.facts!.hash} reverted`);
  if (outcome === "unrelated") {
    const reason = `transaction ${candidate!.facts!.hash} did not execute this withdrawal`;
    if (chainNow > p.expiresAt) return settle("expired", reason);
    return (await reopenSubmission(deps.db, record.id, deps.now(), hash, reason)) ?? (await reread(deps, record));
  }
  if (chainNow > p.expiresAt + SUBMITTED_EXPIRY_GRACE_SECONDS) {
    return settle("expired", "the transaction was not mined before the signature expired");
  }
  await recordReconciled(deps.db, record.id, deps.now(), searched);
  return { ...record, lastReconciledAtMs: deps.now(), logsSearchedToBlock: searched };
}

/**
 * Searches the token's `Transfer(collateral → recipient)` logs window by window from where the last
 * search stopped (a few blocks back, for reorgs) and claims the first transaction that executed this
 * withdrawal. The `Transfer` is in every execution, v1 and v2, so it finds them all; the receipt checks
 * then decide. Stops after `MAX_LOG_WINDOWS` windows, saying how far it got.
 */
async function searchLogs(
  deps: ReconcileDeps,
  record: WithdrawalRecord,
  head: ReadLatestBlockReturnType,
  claim: (tx: TransactionFacts) => Promise<WithdrawalRecord | null>,
  checked: Set<Hash>,
): Promise<{ settled: WithdrawalRecord | null; searchedTo: bigint }> {
  const p = record.parameters!;
  let from = searchStart(record, head);
  let searchedTo = from - 1n;
  let maxBlocks = deps.logsMaxBlocks;
  for (let window = 0; window < MAX_LOG_WINDOWS && from <= head.number; window++) {
    const found = await findTransferLogs(deps.chain, {
      token: p.asset,
      from: p.collateralProxy,
      to: p.recipient,
      fromBlock: from,
      toBlock: head.number,
      maxBlocks,
    });
    maxBlocks = found.maxBlocks;
    for (const log of found.logs) {
      const hash = log.transactionHash.toLowerCase() as Hash;
      if (log.value !== p.amount || checked.has(hash)) continue;
      checked.add(hash);
      const facts = await readTransactionFacts(deps.chain, log.transactionHash);
      const settled = facts ? await claim(facts) : null;
      if (settled) return { settled, searchedTo: found.toBlock };
    }
    searchedTo = found.toBlock;
    from = found.toBlock + 1n;
  }
  return { settled: null, searchedTo };
}

function searchStart(record: WithdrawalRecord, head: ReadLatestBlockReturnType): bigint {
  const floor = (n: bigint) => (n < 0n ? 0n : n);
  if (record.logsSearchedToBlock !== null) return floor(BigInt(record.logsSearchedToBlock) + 1n - REORG_OVERLAP_BLOCKS);
  if (record.readyBlock !== null) return floor(BigInt(record.readyBlock) - 1n);
  return floor(head.number - FALLBACK_SEARCH_BLOCKS);
}

/** Another request moved the row first: its state is the answer. */
async function reread(deps: ReconcileDeps, record: WithdrawalRecord): Promise<WithdrawalRecord> {
  return (await findWithdrawal(deps.db, record.partnerUserId, record.id)) ?? record;
}
