import { type Address, type Hash, type Hex, TransactionNotFoundError } from "viem";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";

export interface GetWithdrawalTransactionParameters {
  hash: Hash;
}
export type GetWithdrawalTransactionReturnType = { from: Address; to: Address | null; input: Hex } | null;

/**
 * The sender, target and calldata of a transaction the wallet says it sent, or null while the node
 * does not know it (not yet propagated, or not sent at all).
 *
 * @throws AppError `chain_unavailable`
 */
export function getWithdrawalTransaction(
  client: ChainClient,
  p: GetWithdrawalTransactionParameters,
): Promise<GetWithdrawalTransactionReturnType> {
  return readChain("the submitted transaction", async () => {
    try {
      const tx = await client.getTransaction({ hash: p.hash });
      return { from: tx.from, to: tx.to ?? null, input: tx.input };
    } catch (error) {
      if (error instanceof TransactionNotFoundError) return null;
      throw error;
    }
  });
}
