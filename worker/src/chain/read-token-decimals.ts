import { type Address, erc20Abi } from "viem";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";

// A token's decimals never change: one read per chain and token per isolate (plain numbers, no I/O objects).
const known = new Map<string, number>();

/**
 * `decimals()` of an ERC-20, to turn the user's cents into the token's base units.
 *
 * @throws AppError `chain_unavailable` | `upstream_invalid_response` (no token at that address)
 */
export async function readTokenDecimals(client: ChainClient, token: Address): Promise<number> {
  const key = `${client.chain.id}:${token.toLowerCase()}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const decimals = await readChain("the token's decimals", () => client.readContract({ address: token, abi: erc20Abi, functionName: "decimals" }));
  known.set(key, decimals);
  return decimals;
}
