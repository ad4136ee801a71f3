import { type Chain, type Hex, createPublicClient, createTestClient, createWalletClient, defineChain, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";

/** The local anvil chain as a viem `Chain`. */
export function sandboxChainDefinition(chainId: number, rpcUrl: string): Chain {
  return defineChain({
    id: chainId,
    name: "Sandbox (local anvil)",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    testnet: true,
  });
}

/** Reads the chain id the node reports, before any client is bound to a chain. */
export async function readChainId(rpcUrl: string): Promise<number> {
  return createPublicClient({ transport: http(rpcUrl) }).getChainId();
}

/**
 * Public, wallet (signing locally with `privateKey`, so any JSON-RPC node works) and anvil test clients.
 * Anvil mines each transaction on arrival, so polling can be much tighter than viem's 4 s default.
 */
export function createSandboxClients(p: { rpcUrl: string; chainId: number; privateKey: Hex; pollingIntervalMs: number }) {
  const chain = sandboxChainDefinition(p.chainId, p.rpcUrl);
  const transport = http(p.rpcUrl);
  const pollingInterval = p.pollingIntervalMs;
  return {
    chain,
    publicClient: createPublicClient({ chain, transport, pollingInterval }),
    walletClient: createWalletClient({ chain, transport, pollingInterval, account: privateKeyToAccount(p.privateKey) }),
    testClient: createTestClient({ chain, transport, pollingInterval, mode: "anvil" }),
  };
}

export type SandboxClients = ReturnType<typeof createSandboxClients>;
