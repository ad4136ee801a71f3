import type { Address, Hash } from "viem";
import { erc20Abi } from "@machines-card/contract/abi";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";
import { type LogsWindow, readLogsWindow } from "./logs-window";

export interface FindTransferLogsParameters {
  token: Address;
  from: Address;
  to: Address;
  fromBlock: bigint;
  /** The chain head (or where to stop); one call covers at most `maxBlocks` of it. */
  toBlock: bigint;
  maxBlocks: number;
}

export interface TransferLog {
  transactionHash: Hash;
  blockNumber: bigint;
  logIndex: number;
  value: bigint;
}

/**
 * One window of the token's `Transfer(from, to)` logs (both topics indexed, so the node filters them):
 * every transfer out of a collateral to a withdrawal's recipient, whoever sent the transaction.
 * Reconciliation checks each one's receipt before it counts as this withdrawal.
 *
 * @throws AppError `chain_unavailable`
 */
export function findTransferLogs(client: ChainClient, p: FindTransferLogsParameters): Promise<LogsWindow<TransferLog>> {
  return readChain("the token's transfer logs", () =>
    readLogsWindow(p, async (fromBlock, toBlock) => {
      const logs = await client.getLogs({
        address: p.token,
        event: erc20Abi[3],
        args: { from: p.from, to: p.to },
        fromBlock,
        toBlock,
        strict: true,
      });
      return logs
        .filter((log) => !log.removed)
        .map((log) => ({ transactionHash: log.transactionHash, blockNumber: log.blockNumber, logIndex: log.logIndex, value: log.args.value }));
    }),
  );
}
