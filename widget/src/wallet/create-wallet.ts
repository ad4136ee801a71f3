import type { PublicConfig } from "@machines-card/contract/api/config";
import type { Eip1193Provider } from "./eip1193-provider";
import type { WalletAdapter } from "./wallet-adapter";

export interface CreateWalletOptions {
  config: PublicConfig;
  /** An EIP-1193 provider the host page set on the element; it wins over the configured wallet. */
  provider: Eip1193Provider | undefined;
  token: () => Promise<string | null>;
}

/**
 * The wallet a withdrawal uses: the host page's EIP-1193 provider when it passed one, otherwise the
 * one the Worker's config names. Each kind is its own chunk, loaded on first use.
 */
export async function createWallet(o: CreateWalletOptions): Promise<WalletAdapter> {
  if (o.provider) {
    const { createEip1193Wallet } = await import("./eip1193-wallet");
    return createEip1193Wallet(o.provider);
  }
  if (o.config.wallet.provider === "sandbox") {
    const { createSandboxWallet } = await import("./sandbox-wallet");
    return createSandboxWallet({ signerUrl: o.config.wallet.signerUrl, signer: o.config.wallet.signer ?? "email", token: o.token });
  }
  if (o.config.auth.provider !== "crossmint") {
    throw new Error("the Crossmint wallet needs Crossmint auth (the Worker's config pairs them)");
  }
  const { createCrossmintWallet } = await import("./crossmint-wallet");
  return createCrossmintWallet({ clientApiKey: o.config.auth.clientApiKey, chainId: o.config.chain.id, token: o.token, signer: o.config.wallet.signer ?? "email" });
}
