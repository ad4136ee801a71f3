import { type Address, type Hash, type Hex, type Log, TransactionNotFoundError, TransactionReceiptNotFoundError } from "viem";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";

/** A transaction as the node knows it: its sender, target and calldata, and once mined its outcome and logs. */
export interface TransactionFacts {
  hash: Hash;
  from: Address;
  to: Address | null;
  input: Hex;
  /** Null while it is not mined (pending). */
  receipt: { status: "success" | "reverted"; blockNumber: bigint; logs: readonly Log[] } | null;
}

/**
 * The transaction behind a hash, or null when the node does not know it (not propagated yet, dropped,
 * never sent, or not a transaction hash at all: a user-operation hash, for instance).
 *
 * @throws AppError `chain_unavailable`
 */
export function readTransactionFacts(client: ChainClient, hash: Hash): Promise<TransactionFacts | null> {
  return readChain("the transaction", async () => {
    let tx: Awaited<ReturnType<ChainClient["getTransaction"]>>;
    try {
      tx = await client.getTransaction({ hash });
    } catch (error) {
      if (error instanceof TransactionNotFoundError) return null;
      throw error;
    }
    let receipt: TransactionFacts["receipt"] = null;
    try {
      const r = await client.getTransactionReceipt({ hash });
      receipt = { status: r.status, blockNumber: r.blockNumber, logs: r.logs };
    } catch (error) {
      if (!(error instanceof TransactionReceiptNotFoundError)) throw error;
    }
    return { hash: tx.hash, from: tx.from, to: tx.to ?? null, input: tx.input, receipt };
  });
}
