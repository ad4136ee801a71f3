import type { Address, Hash } from "viem";
import { entryPointEventsAbi } from "@machines-card/contract/abi";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";
import { readLogsWindow } from "./logs-window";

export interface FindUserOperationParameters {
  userOpHash: Hash;
  entryPoints: readonly Address[];
  fromBlock: bigint;
  toBlock: bigint;
  maxBlocks: number;
  /** How many windows one call may read before giving up (the next call starts over). */
  maxWindows: number;
}

export interface FoundUserOperation {
  /** The bundle transaction that carried the operation. */
  transactionHash: Hash;
  blockNumber: bigint;
  sender: Address;
  success: boolean;
}

/**
 * The transaction that included a user operation, found from a normal node's logs: the EntryPoint's
 * `UserOperationEvent` with topic1 = the operation's hash, searched in bounded windows (no bundler RPC
 * is needed, so this works against any node). Null while no block holds it.
 *
 * @throws AppError `chain_unavailable`
 */
export function findUserOperation(client: ChainClient, p: FindUserOperationParameters): Promise<FoundUserOperation | null> {
  return readChain("the user operation's logs", async () => {
    let from = p.fromBlock;
    let maxBlocks = p.maxBlocks;
    for (let window = 0; window < p.maxWindows && from <= p.toBlock; window++) {
      const read = await readLogsWindow({ fromBlock: from, toBlock: p.toBlock, maxBlocks }, (fromBlock, toBlock) =>
        client.getLogs({
          address: [...p.entryPoints],
          event: entryPointEventsAbi[0],
          args: { userOpHash: p.userOpHash },
          fromBlock,
          toBlock,
          strict: true,
        }),
      );
      const found = read.logs.find((log) => !log.removed);
      if (found) {
        return { transactionHash: found.transactionHash, blockNumber: found.blockNumber, sender: found.args.sender, success: found.args.success };
      }
      from = read.toBlock + 1n;
      maxBlocks = read.maxBlocks;
    }
    return null;
  });
}
