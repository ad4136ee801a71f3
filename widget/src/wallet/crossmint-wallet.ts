import { WalletError, type HexString, type WalletAdapter } from "./wallet-adapter";

export interface CrossmintWalletOptions {
  clientApiKey: string;
  /** The chain id the Worker's public config names (the user's collateral chain). */
  chainId: number;
  token: () => Promise<string | null>;
}

/**
 * Crossmint names chains rather than numbering them; the Worker's `CHAIN_NAME` is for people ("Base"),
 * so the wallet maps the chain id itself.
 */
const CROSSMINT_CHAINS: Record<number, string> = {
  1: "ethereum",
  11155111: "ethereum-sepolia",
  8453: "base",
  84532: "base-sepolia",
  10: "optimism",
  11155420: "optimism-sepolia",
  42161: "arbitrum",
  421614: "arbitrum-sepolia",
  137: "polygon",
  80002: "polygon-amoy",
};

export function crossmintChainName(chainId: number): string {
  const name = CROSSMINT_CHAINS[chainId];
  if (!name) throw new WalletError("wrong_chain", `the Crossmint wallet does not support chain ${chainId}`);
  return name;
}

/**
 * The user's Crossmint embedded EVM wallet (`@crossmint/wallets-sdk`), imported only when a
 * production withdrawal first needs it.
 */
export async function createCrossmintWallet(options: CrossmintWalletOptions): Promise<WalletAdapter> {
  let sdk: typeof import("@crossmint/wallets-sdk");
  try {
    sdk = await import("@crossmint/wallets-sdk");
  } catch (cause) {
    throw new WalletError("wallet_unavailable", "the Crossmint wallets SDK could not be loaded; install @crossmint/wallets-sdk", { cause });
  }
  const crossmint = sdk.createCrossmint({ apiKey: options.clientApiKey });
  // The SDK's chain union is checked by Crossmint at run time.
  const chain = crossmintChainName(options.chainId) as never;

  async function wallet() {
    const jwt = await options.token();
    if (!jwt) throw new WalletError("wallet_unavailable", "sign in before using the wallet");
    crossmint.setJwt(jwt);
    try {
      return sdk.EVMWallet.from(await sdk.CrossmintWallets.from(crossmint).getWallet({ chain }));
    } catch (cause) {
      throw new WalletError("wallet_unavailable", `Crossmint could not open the wallet: ${(cause as Error).message}`, { cause });
    }
  }

  async function attempt<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (cause) {
      if (cause instanceof WalletError) throw cause;
      throw new WalletError("wallet_error", `Crossmint could not ${what}: ${(cause as Error).message}`, { cause });
    }
  }

  return {
    provider: "crossmint",
    async address() {
      return (await wallet()).address as HexString;
    },
    async signTypedData(typedData) {
      const w = await wallet();
      const { signature } = await attempt("sign", () => w.signTypedData({ ...typedData, chain } as never));
      return signature as HexString;
    },
    async sendTransaction(tx) {
      const w = await wallet();
      const { hash } = await attempt("send the transaction", () => w.sendTransaction({ to: tx.to, data: tx.data as HexString, value: 0n }));
      return hash as HexString;
    },
  };
}
