import type { Address, Hash, PublicClient } from "viem";
import { erc20Abi } from "@machines-card/contract/abi/erc20";

export interface TokenTransfer {
  from: Address;
  to: Address;
  amount: bigint;
  txHash: Hash;
  blockNumber: bigint;
}

export interface WatchTokenTransfersOptions {
  /** First block to report. Defaults to the block after the chain head when watching starts. */
  fromBlock?: bigint;
  /** RPC failures and errors thrown by the callback land here; polling carries on either way. */
  onError?: (error: unknown) => void;
}

const transferEvent = erc20Abi[3];

/**
 * Polls `eth_getLogs` for `token` Transfer events, block range by block range, so each transfer is
 * reported once and in chain order. A failed poll is retried from the same block on the next tick.
 * (Plain polling rather than filters: it survives node restarts and works over any HTTP transport.)
 */
export function pollTokenTransfers(
  client: PublicClient,
  p: { token: Address; pollIntervalMs: number; onTransfer: (t: TokenTransfer) => void } & WatchTokenTransfersOptions,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let next = p.fromBlock;

  const tick = async () => {
    try {
      const head = await client.getBlockNumber({ cacheTime: 0 });
      next ??= head + 1n;
      if (head >= next) {
        const logs = await client.getLogs({ address: p.token, event: transferEvent, fromBlock: next, toBlock: head, strict: true });
        for (const log of logs) {
          if (stopped) return;
          try {
            p.onTransfer({
              from: log.args.from,
              to: log.args.to,
              amount: log.args.value,
              txHash: log.transactionHash,
              blockNumber: log.blockNumber,
            });
          } catch (error) {
            p.onError?.(error);
          }
        }
        next = head + 1n;
      }
    } catch (error) {
      p.onError?.(error);
    } finally {
      if (!stopped) timer = setTimeout(tick, p.pollIntervalMs);
    }
  };
  void tick();

  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
