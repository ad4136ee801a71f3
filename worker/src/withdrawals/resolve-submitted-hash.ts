import type { Address, Hash } from "viem";
import { findUserOperation } from "../chain/find-user-operation";
import type { ReadLatestBlockReturnType } from "../chain/read-latest-block";
import { readTransactionFacts, type TransactionFacts } from "../chain/read-transaction-facts";
import type { ChainClient } from "../chain/chain-client";
import type { WithdrawalRecord, SubmittedHashKind } from "./withdrawal-record";

export interface ResolveDeps {
  chain: ChainClient;
  entryPoints: readonly Address[];
  logsMaxBlocks: number;
}

/** What a submitted hash is on chain, as far as the node knows now. */
export interface ResolvedHash {
  /** Null while the node knows neither a transaction nor a user operation by this hash. */
  kind: SubmittedHashKind | null;
  /** The transaction (the bundle, for a user operation); null while unknown. */
  facts: TransactionFacts | null;
  /** For a user operation: its hash, the transaction holding it, and its sender (when it was looked up). */
  userOpHash: Hash | null;
  inTxHash: Hash | null;
  userOpSender: Address | null;
}

/** Where to look for a user operation when the withdrawal's ready block is unknown. */
const FALLBACK_SEARCH_BLOCKS = 10_000n;
/** Log windows a user-operation lookup may read per call (the next read tries again). */
const USER_OPERATION_WINDOWS = 10;

/**
 * A wallet may report a transaction hash or (a smart account's SDK) a user-operation hash. A transaction
 * the node knows is taken as one; otherwise the hash is looked up as a user operation through the
 * EntryPoints' `UserOperationEvent` logs (topic1 = the hash), from the block the withdrawal became ready.
 * Neither: unknown for now (not propagated, not bundled yet, or not sent at all), which is no verdict.
 *
 * @throws AppError `chain_unavailable`
 */
export async function resolveSubmittedHash(
  deps: ResolveDeps,
  record: Pick<WithdrawalRecord, "readyBlock">,
  hash: Hash,
  head: ReadLatestBlockReturnType,
  known?: { kind: SubmittedHashKind | null; inTxHash: Hash | null },
): Promise<ResolvedHash> {
  const kind = known?.kind ?? null;
  if (kind === "user_operation" && known?.inTxHash) {
    return { kind, facts: await readTransactionFacts(deps.chain, known.inTxHash), userOpHash: hash, inTxHash: known.inTxHash, userOpSender: null };
  }
  if (kind !== "user_operation") {
    const facts = await readTransactionFacts(deps.chain, hash);
    if (facts) return { kind: "transaction", facts, userOpHash: null, inTxHash: null, userOpSender: null };
  }
  const fromBlock =
    record.readyBlock !== null ? BigInt(Math.max(0, record.readyBlock - 1)) : head.number > FALLBACK_SEARCH_BLOCKS ? head.number - FALLBACK_SEARCH_BLOCKS : 0n;
  const op = await findUserOperation(deps.chain, {
    userOpHash: hash,
    entryPoints: deps.entryPoints,
    fromBlock,
    toBlock: head.number,
    maxBlocks: deps.logsMaxBlocks,
    maxWindows: USER_OPERATION_WINDOWS,
  });
  if (!op) return { kind: null, facts: null, userOpHash: null, inTxHash: null, userOpSender: null };
  const facts = await readTransactionFacts(deps.chain, op.transactionHash);
  return { kind: "user_operation", facts, userOpHash: hash, inTxHash: op.transactionHash, userOpSender: op.sender };
}
