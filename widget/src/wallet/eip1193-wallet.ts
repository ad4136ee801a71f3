import type { Eip1193Provider } from "./eip1193-provider";
import { WalletError, withDomainType, type HexString, type WalletAdapter } from "./wallet-adapter";

/**
 * A wallet adapter over any EIP-1193 provider the host page passes in the element's `provider`
 * property. Checks that the wallet's account is the one the transaction must come from, and switches
 * the wallet to the transaction's chain (or says it could not).
 */
export function createEip1193Wallet(provider: Eip1193Provider): WalletAdapter {
  async function request<T>(method: string, params?: unknown[]): Promise<T> {
    try {
      return (await provider.request(params ? { method, params } : { method })) as T;
    } catch (cause) {
      const code = (cause as { code?: number }).code;
      if (code === 4001) throw new WalletError("user_rejected", "the request was declined in the wallet", { cause });
      throw new WalletError("wallet_error", `the wallet failed ${method}: ${(cause as Error).message ?? String(cause)}`, { cause });
    }
  }

  async function address(): Promise<HexString> {
    const accounts = await request<string[]>("eth_requestAccounts");
    const first = accounts[0];
    if (!first) throw new WalletError("wallet_unavailable", "the wallet shared no account");
    return first as HexString;
  }

  async function useAccount(expected: string): Promise<HexString> {
    const account = await address();
    if (account.toLowerCase() !== expected.toLowerCase()) {
      throw new WalletError("wrong_account", `switch the wallet to account ${expected} (it is on ${account})`);
    }
    return account;
  }

  async function useChain(chainId: number): Promise<void> {
    const current = Number.parseInt(await request<string>("eth_chainId"), 16);
    if (current === chainId) return;
    try {
      await request("wallet_switchEthereumChain", [{ chainId: `0x${chainId.toString(16)}` }]);
    } catch (cause) {
      if (cause instanceof WalletError && cause.code === "user_rejected") throw cause;
      throw new WalletError("wrong_chain", `switch the wallet to chain ${chainId} (it is on ${current})`, { cause });
    }
  }

  return {
    provider: "eip1193",
    onApprovalRequired: null,
    address,
    async signTypedData(typedData) {
      const account = await useAccount(typedData.message.user);
      return request<HexString>("eth_signTypedData_v4", [account, JSON.stringify(withDomainType(typedData))]);
    },
    async sendTransaction(tx) {
      const from = await useAccount(tx.from);
      await useChain(tx.chainId);
      return request<HexString>("eth_sendTransaction", [{ from, to: tx.to, data: tx.data, value: tx.value }]);
    },
  };
}
