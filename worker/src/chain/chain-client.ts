import { type Chain, createPublicClient, defineChain, http, type PublicClient, type Transport } from "viem";

/** A read-only client for the chain withdrawals run on (the `CHAIN_RPC_URL` and `CHAIN_ID` settings). */
export type ChainClient = PublicClient<Transport, Chain>;

export interface ChainClientConfig {
  rpcUrl: string;
  id: number;
  name?: string;
}

/**
 * How long one JSON-RPC call may take. A withdrawal read waits on the chain at most this long
 * (plus one retry), so a dead RPC fails a request within seconds instead of hanging it.
 */
export const CHAIN_TIMEOUT_MS = 4_000;

/**
 * A fresh client per request. Cheap to build, and nothing (no cached promise, no socket) is shared
 * between requests, which workerd forbids for I/O started by another request.
 */
export function chainClient(config: ChainClientConfig): ChainClient {
  const chain = defineChain({
    id: config.id,
    name: config.name ?? `chain ${config.id}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
  });
  return createPublicClient({
    chain,
    cacheTime: 0,
    transport: http(config.rpcUrl, { timeout: CHAIN_TIMEOUT_MS, retryCount: 1, retryDelay: 150 }),
  });
}
