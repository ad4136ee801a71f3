import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";

export interface ReadLatestBlockReturnType {
  number: bigint;
  /** Unix seconds: the clock the contracts check `expiresAt` against. */
  timestamp: number;
}

/**
 * The newest block's number and time. Expiry is judged by the chain's clock, which is what the
 * contract compares `expiresAt` with (it can differ from the Worker's, on a test chain by a lot).
 *
 * @throws AppError `chain_unavailable`
 */
export async function readLatestBlock(client: ChainClient): Promise<ReadLatestBlockReturnType> {
  const block = await readChain("the latest block", () => client.getBlock({ blockTag: "latest" }));
  return { number: block.number, timestamp: Number(block.timestamp) };
}
