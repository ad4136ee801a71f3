import { type Address, type Hash, type Hex, isAddressEqual, parseEventLogs, TransactionReceiptNotFoundError } from "viem";
import { withdrawnEventAbi } from "../../../shared/abi";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";

export interface GetWithdrawalReceiptParameters {
  hash: Hash;
  /** The controller or coordinator whose `Withdrawn` event proves this withdrawal ran. */
  callTarget: Address;
  /** `parameters[5]`: indexed in `Withdrawn`, it ties the event to this withdrawal. */
  executorSalt: Hex;
}

export type GetWithdrawalReceiptReturnType =
  | null
  | {
      status: "success" | "reverted";
      transactionHash: Hash;
      blockNumber: bigint;
      from: Address;
      to: Address | null;
      /** True when the call target emitted `Withdrawn` for this executor salt in this transaction. */
      executedThisWithdrawal: boolean;
    };

/**
 * The mined outcome of a transaction, or null while it is not mined (pending, dropped, or unknown).
 *
 * @throws AppError `chain_unavailable`
 */
export function getWithdrawalReceipt(client: ChainClient, p: GetWithdrawalReceiptParameters): Promise<GetWithdrawalReceiptReturnType> {
  return readChain("the transaction receipt", async () => {
    try {
      const receipt = await client.getTransactionReceipt({ hash: p.hash });
      const withdrawn = parseEventLogs({ abi: withdrawnEventAbi, eventName: "Withdrawn", logs: receipt.logs });
      const executedThisWithdrawal = withdrawn.some(
        (log) => isAddressEqual(log.address, p.callTarget) && log.args.executorSalt.toLowerCase() === p.executorSalt.toLowerCase(),
      );
      return {
        status: receipt.status,
        transactionHash: receipt.transactionHash,
        blockNumber: receipt.blockNumber,
        from: receipt.from,
        to: receipt.to,
        executedThisWithdrawal: receipt.status === "success" && executedThisWithdrawal,
      };
    } catch (error) {
      if (error instanceof TransactionReceiptNotFoundError) return null;
      throw error;
    }
  });
}
