/**
 * Test-only: the user's sandbox wallet (the custodial signer the widget's sandbox adapter uses, over
 * HTTP with the user's identity token), the bundling control, and the sandbox chain, read with viem.
 * No private key here.
 */
import { type Address, createPublicClient, erc20Abi, type Hash, type Hex, http } from "viem";
import type { ProvidedSandbox } from "../provided-context";
import { sandbox } from "./sandbox";

/**
 * The approval the wallet asks for (default email signer mode): the code "emailed" to the user is read in
 * the sandbox mailbox and entered, as the person does in the widget. One grant covers a signature and a
 * transaction; a new one is won when the held one no longer covers the use.
 */
function approvals(s: ProvidedSandbox, token: string) {
  const email = (JSON.parse(atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as { email: string }).email.toLowerCase();
  let grant: { token: string; used: Set<string> } | null = null;
  return async (use: "sign" | "send"): Promise<string> => {
    if (grant && !grant.used.has(use)) {
      grant.used.add(use);
      return grant.token;
    }
    await signerCall(s, token, "/approvals/email", {});
    const mailbox = await fetch(`${s.url}/sandbox/wallet/approvals/codes?email=${encodeURIComponent(email)}`);
    const code = ((await mailbox.json()) as { codes: { code: string; status: string }[] }).codes.find((c) => c.status === "pending")!.code;
    grant = { token: (await signerCall<{ approval: string }>(s, token, "/approvals/email/verify", { code })).approval, used: new Set([use]) };
    return grant.token;
  };
}

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

/** What the sandbox wallet answers for a send: the bundle transaction (once included) and the user operation. */
export interface SentOperation {
  /** The bundle transaction's hash once included, else the user operation's. */
  hash: Hash;
  userOperationHash: Hash;
  transactionHash: Hash | null;
}

/**
 * The signed-in user's wallet (an ERC-4337 smart account): signs `eth_signTypedData_v4` JSON and sends
 * calls as user operations through the sandbox's bundler (gas sponsored).
 */
export function sandboxWallet(token: string, s: ProvidedSandbox = sandbox()) {
  const approve = approvals(s, token);
  return {
    address: async () => {
      const res = await fetch(`${s.url}/sandbox/wallet`, { headers: { Authorization: `Bearer ${token}` } });
      return ((await res.json()) as { address: Address }).address;
    },
    signTypedData: async (typedData: unknown) =>
      (await signerCall<{ signature: Hex }>(s, token, "/sign-typed-data", { typedData, approval: await approve("sign") })).signature,
    sendTransaction: async (tx: { to: string; data: string }) =>
      (await signerCall<SentOperation>(s, token, "/send-transaction", { ...tx, approval: await approve("send") })).hash,
    send: async (tx: { to: string; data: string }) => signerCall<SentOperation>(s, token, "/send-transaction", { ...tx, approval: await approve("send") }),
  };
}

/** The sandbox's bundling control (`/sandbox/bundler`) and what its bundler holds. */
export function bundling(s: ProvidedSandbox = sandbox()) {
  const control = (method: string, path = "", body?: unknown) =>
    fetch(`${s.url}/sandbox/bundler${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (res) => {
      if (!res.ok) throw new Error(`bundler control ${method} ${path} failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { data: unknown }).data;
    });
  return {
    hold: () => control("PUT", "", { mode: "manual" }),
    release: () => control("PUT", "", { mode: "auto" }),
    flush: () => control("POST", "/flush"),
    /** Resolves once the bundler holds at least `count` operations. */
    async held(count: number, entryPoint: Address) {
      for (let i = 0; i < 200; i++) {
        const res = await fetch(s.bundlerUrl!, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "debug_bundler_dumpMempool", params: [entryPoint] }),
        });
        if ((((await res.json()) as { result?: unknown[] }).result?.length ?? 0) >= count) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the bundler never held ${count} operations`);
    },
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
    transaction: (hash: Hash) => client.getTransaction({ hash }),
    /** Mines empty blocks (anvil). */
    mine: (blocks: number) => rpc("anvil_mine", [`0x${blocks.toString(16)}`]),
    /** Whether a contract (a deployed smart account) lives at the address. */
    hasCode: async (address: Address) => ((await client.getCode({ address })) ?? "0x") !== "0x",
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
