import type { Address, Hash, Hex } from "viem";
import { withdrawnEventAbi } from "../../../shared/abi";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";

export interface FindWithdrawnEventParameters {
  callTarget: Address;
  collateralProxy: Address;
  executorSalt: Hex;
  /** First block to search (the chain's head when the withdrawal became ready, or earlier). */
  fromBlock: bigint;
}
export type FindWithdrawnEventReturnType = { transactionHash: Hash; blockNumber: bigint } | null;

/**
 * The transaction that executed a withdrawal, found from the chain alone by its executor salt
 * (indexed in `Withdrawn`). This reconciles what the submitted hash cannot: a replaced (sped-up)
 * transaction, a smart wallet's bundled call, or a transaction sent but never reported.
 *
 * @throws AppError `chain_unavailable`
 */
export function findWithdrawnEvent(client: ChainClient, p: FindWithdrawnEventParameters): Promise<FindWithdrawnEventReturnType> {
  return readChain("withdrawal events", async () => {
    const logs = await client.getContractEvents({
      address: p.callTarget,
      abi: withdrawnEventAbi,
      eventName: "Withdrawn",
      args: { collateral: p.collateralProxy, executorSalt: p.executorSalt },
      fromBlock: p.fromBlock,
      toBlock: "latest",
      strict: true,
    });
    const first = logs.find((log) => !log.removed);
    return first ? { transactionHash: first.transactionHash, blockNumber: first.blockNumber } : null;
  });
}
