/**
 * Test-only: the user's sandbox wallet (the custodial signer the widget's sandbox adapter uses, over
 * HTTP with the user's identity token) and the sandbox chain, read with viem. No private key here.
 */
import { type Address, createPublicClient, erc20Abi, type Hash, type Hex, http } from "viem";
import type { ProvidedSandbox } from "../provided-context";
import { sandbox } from "./sandbox";

async function signerCall<T>(s: ProvidedSandbox, token: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${s.url}/sandbox/wallet${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`sandbox wallet ${path} failed: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The signed-in user's wallet: signs `eth_signTypedData_v4` JSON and sends transactions (gas sponsored). */
export function sandboxWallet(token: string, s: ProvidedSandbox = sandbox()) {
  return {
    signTypedData: async (typedData: unknown) => (await signerCall<{ signature: Hex }>(s, token, "/sign-typed-data", { typedData })).signature,
    sendTransaction: async (tx: { to: string; data: string }) => (await signerCall<{ hash: Hash }>(s, token, "/send-transaction", tx)).hash,
  };
}

export function chainOf(s: ProvidedSandbox = sandbox()) {
  const client = createPublicClient({ transport: http(s.rpcUrl) });
  const rpc = async <T>(method: string, params: unknown[]): Promise<T> => {
    const res = await fetch(s.rpcUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
    const json = (await res.json()) as { result: T; error?: { message: string } };
    if (json.error) throw new Error(`${method}: ${json.error.message}`);
    return json.result;
  };
  return {
    client,
    tokenBalance: (token: Address, owner: Address) => client.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [owner] }),
    receipt: (hash: Hash) => client.getTransactionReceipt({ hash }),
    /**
     * Sends a transaction as `from` without its key (anvil impersonation) and with a fixed gas limit, so
     * it is mined even if it reverts: the way to put a failing withdrawal on chain (wallets refuse to).
     */
    sendUnchecked: async (tx: { from: Address; to: Address; data: Hex }) => {
      await rpc("anvil_impersonateAccount", [tx.from]);
      try {
        const hash = await rpc<Hash>("eth_sendTransaction", [{ ...tx, gas: "0x7a120" }]);
        await client.waitForTransactionReceipt({ hash });
        return hash;
      } finally {
        await rpc("anvil_stopImpersonatingAccount", [tx.from]);
      }
    },
  };
}
