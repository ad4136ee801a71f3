import type { DeviceKeyStore } from "./device-key-store";
import { sandboxApproval, type Grant } from "./sandbox-approvals";
import type { WalletOperation } from "./passkey-approvals";
import { WalletError, type HexString, type WalletAdapter } from "./wallet-adapter";

export interface SandboxWalletOptions {
  /** The sandbox signer's URL, from the Worker's public config. */
  signerUrl: string;
  /** The signer mode from the Worker's config (`email` when absent). */
  signer?: string;
  /** Where device keys are kept (default: IndexedDB). */
  keys?: DeviceKeyStore;
  /** The signed-in user's JWT: the signer acts only for that user's own wallet. */
  token: () => Promise<string | null>;
  fetch?: typeof fetch;
}

/**
 * The sandbox wallet: the sandbox's custodial signer on the local chain (`demo/wallets`: `GET /`,
 * `POST /sign-typed-data`, `POST /send-transaction`), reached over HTTP with the user's JWT, standing
 * in for the Crossmint embedded wallet. The wallet is an ERC-4337 smart account: the signer sends the call
 * as a user operation through the sandbox's bundler and answers `{ hash, userOperationHash, transactionHash }`,
 * where `hash` is the bundle transaction once included, or the user-operation hash when bundling was held
 * past its wait; this adapter hands `hash` on (the Worker resolves either). The key stays in the sandbox;
 * the widget only asks, after the user confirmed the preview. A call that would revert is refused there, not sent.
 */
export function createSandboxWallet(options: SandboxWalletOptions): WalletAdapter {
  const base = options.signerUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const token = await options.token();
    if (!token) throw new WalletError("wallet_unavailable", "sign in before using the wallet");
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: { Accept: "application/json", Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        credentials: "omit",
      });
    } catch (cause) {
      throw new WalletError("wallet_unavailable", `could not reach the sandbox signer at ${base}`, { cause });
    }
    const json = (await response.json().catch(() => null)) as { errors?: { code?: string; message?: string }[] } | null;
    if (!response.ok) {
      const item = json?.errors?.[0];
      const forbidden = response.status === 403 && item?.code === "forbidden";
      const code = forbidden ? "wrong_account" : response.status >= 500 || response.status === 401 ? "wallet_unavailable" : "wallet_error";
      // The signer's own code rides along, so approvals can tell a wrong code from an expired one.
      throw Object.assign(new WalletError(code, `the sandbox signer answered ${response.status} ${item?.code ?? ""}: ${item?.message ?? "no details"}`), {
        signerCode: item?.code,
      });
    }
    return json as T;
  }

  /**
   * Signs or sends with the user's approval: the grant in hand while it covers this use, else a new one
   * (device key or emailed code). A wallet with Crossmint's `api-key` signer needs none: the first try
   * goes without when no grant is held, and an `approval_*` refusal asks for one and tries once more.
   */
  let grant: Grant | null = null;
  async function approved<T>(use: "sign" | "send", operation: WalletOperation, run: (approval: string | undefined) => Promise<T>): Promise<T> {
    const fresh = grant && !grant.used.has(use) && grant.expiresAt > Date.now() + 5_000 ? grant : null;
    try {
      const result = await run(fresh?.token);
      fresh?.used.add(use);
      return result;
    } catch (e) {
      if (!String((e as { signerCode?: string }).signerCode).startsWith("approval_")) throw e;
    }
    const user = (await call<{ owner?: string; address: string }>("GET", "")).address;
    grant = await sandboxApproval({ call, mode: options.signer ?? "email", handler: adapter.onApprovalRequired, user, keys: options.keys, operation });
    const result = await run(grant.token);
    grant.used.add(use);
    return result;
  }

  // Device mode's key and control load with their own chunk, when first used.
  const device = () => import("./sandbox-device").then((m) => m.sandboxDevice(call, options.keys).control);

  const adapter: WalletAdapter = {
    provider: "sandbox",
    onApprovalRequired: null,
    ...(options.signer === "device" && {
      device: { current: async () => (await device()).current(), remove: async () => (await device()).remove() },
    }),
    async address() {
      return (await call<{ address: HexString }>("GET", "")).address;
    },
    async signTypedData(typedData) {
      const signed = await approved("sign", { operation: "sign-typed-data", typedData }, (approval) =>
        call<{ signature: HexString }>("POST", "/sign-typed-data", { typedData, address: typedData.message.user, ...(approval && { approval }) }),
      );
      return signed.signature;
    },
    async sendTransaction(transaction) {
      const { from, to, data, value } = transaction;
      const sent = await approved("send", { operation: "send-transaction", to, data, value }, (approval) =>
        call<{ hash?: unknown; userOperationHash?: unknown }>("POST", "/send-transaction", { from, to, data, value, ...(approval && { approval }) }),
      );
      const hash = sent.hash ?? sent.userOperationHash;
      if (typeof hash !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(hash)) throw new WalletError("wallet_error", "the sandbox signer answered without a hash");
      return hash as HexString;
    },
  };
  return adapter;
}
