import type { Address, Hash } from "viem";
import type { ChainClient } from "./chain-client";
import { asWithdrawalRevert } from "./revert-error";

export interface ReadRevertReasonParameters {
  hash: Hash;
  blockNumber: bigint;
}

export type ReadRevertReasonReturnType = string;

/**
 * Why a mined transaction reverted, by replaying its call against the state of its block (receipts carry
 * no revert data): `reverted: <reason>` (`Expired signature`, `Invalid signature`, `SaltUsed`, …) when
 * the contract's revert can be read, else a plain "reverted". Never throws: the reason is a nicety on
 * top of the outcome, which the receipt already proved.
 */
export async function readRevertReason(client: ChainClient, p: ReadRevertReasonParameters): Promise<ReadRevertReasonReturnType> {
  try {
    const tx = await client.getTransaction({ hash: p.hash });
    if (!tx.to) return "reverted";
    await client.call({ account: tx.from, to: tx.to as Address, data: tx.input, blockNumber: p.blockNumber });
    return "reverted";
  } catch (error) {
    const reason = asWithdrawalRevert(error)?.reason;
    return reason ? `reverted: ${reason}` : "reverted";
  }
}
