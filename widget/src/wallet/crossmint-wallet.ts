import { crossmintWalletError, signerUnavailableError, type CrossmintWalletOutcome, type CrossmintWalletStep } from "./crossmint-wallet-errors";
import { WalletError, type DeviceSignerControl, type HexString, type WalletAdapter } from "./wallet-adapter";
import { passkeyDismissed, useCrossmintPasskey, type PasskeyCapableWallet } from "./crossmint-passkey";
import { crossmintDeviceKeys } from "./crossmint-device-keys";

export interface CrossmintWalletOptions {
  clientApiKey: string;
  /** The chain id the Worker's public config names (the user's collateral chain). */
  chainId: number;
  token: () => Promise<string | null>;
  /**
   * The signer mode from the Worker's config (`email` when absent): `passkey` signs with the user's
   * passkey, `device` with a P-256 key this browser keeps (crossmint-device-keys.ts).
   */
  signer?: string;
}

/**
 * Crossmint names chains rather than numbering them; the Worker's `CHAIN_NAME` is for people ("Base"),
 * so the wallet maps the chain id itself. Only chains the wallets SDK serves, with whether they are
 * testnets: the SDK silently moves a mainnet to its testnet under a staging key, and refuses a testnet
 * under a production key.
 */
const CROSSMINT_CHAINS: Record<number, [name: string, testnet: boolean]> = {
  11155111: ["ethereum-sepolia", true],
  8453: ["base", false],
  84532: ["base-sepolia", true],
  10: ["optimism", false],
  11155420: ["optimism-sepolia", true],
  42161: ["arbitrum", false],
  421614: ["arbitrum-sepolia", true],
  137: ["polygon", false],
  80002: ["polygon-amoy", true],
};

export function crossmintChainName(chainId: number, clientApiKey?: string): string {
  const entry = CROSSMINT_CHAINS[chainId];
  if (!entry) throw new WalletError("wrong_chain", `the Crossmint wallet does not support chain ${chainId}`);
  const [name, testnet] = entry;
  if (clientApiKey !== undefined && testnet === clientApiKey.startsWith("ck_production_")) {
    const key = testnet ? "a production" : "a staging";
    throw new WalletError("wrong_chain", `the Crossmint client key is ${key} key, which cannot use chain ${chainId} (${name}): configure the key for the chain's environment`);
  }
  return name;
}

type Sdk = typeof import("@crossmint/wallets-sdk");
type EvmWallet = InstanceType<Sdk["EVMWallet"]>;
type ApiClient = EvmWallet["apiClient"];

/** The transaction hash and signature shapes the widget hands on (Crossmint's answer is not trusted blindly). */
const TX_HASH = /^0x[0-9a-fA-F]{64}$/;
const SIGNATURE = /^0x(?:[0-9a-fA-F]{2})+$/;

/**
 * The user's Crossmint embedded EVM wallet (`@crossmint/wallets-sdk`), imported only when a
 * production withdrawal first needs it. Opened client-side with the user's JWT (`me:evm:smart`).
 */
export async function createCrossmintWallet(options: CrossmintWalletOptions): Promise<WalletAdapter> {
  const chain = crossmintChainName(options.chainId, options.clientApiKey);
  let sdk: Sdk;
  try {
    sdk = await import("@crossmint/wallets-sdk");
  } catch (cause) {
    throw new WalletError("wallet_unavailable", "the Crossmint wallets SDK could not be loaded; install @crossmint/wallets-sdk", { cause });
  }
  const refuseKey = () =>
    new WalletError("wallet_unavailable", "the Crossmint client key in the Worker's configuration (CROSSMINT_CLIENT_API_KEY) is not a valid client key (ck_…)");
  // A server key (sk_…) is valid to the SDK, but must never reach a browser.
  if (!options.clientApiKey.startsWith("ck_")) throw refuseKey();
  let crossmint: ReturnType<Sdk["createCrossmint"]>;
  let wallets: ReturnType<Sdk["CrossmintWallets"]["from"]>;
  try {
    crossmint = sdk.createCrossmint({ apiKey: options.clientApiKey });
    wallets = sdk.CrossmintWallets.from(crossmint);
  } catch {
    throw refuseKey();
  }

  // The SDK's errors carry only a sentence: watch its API client (shared by the wallets it opens) to map by status.
  let outcome: CrossmintWalletOutcome | null = null;
  const api = (wallets as unknown as { walletFactory?: { apiClient?: ApiClient } }).walletFactory?.apiClient;
  if (api) {
    for (const method of ["get", "post"] as const) {
      const send = api[method].bind(api);
      api[method] = async (path, init) => {
        outcome = null;
        try {
          const response = await send(path, init);
          outcome = { status: response.status };
          return response;
        } catch (error) {
          // The API client throws ApiClientError (with `status`) for 5xx; fetch throws without one when offline.
          outcome = { status: (error as { status?: number }).status ?? 0 };
          throw error;
        }
      };
    }
  }
  const lastOutcome = (): CrossmintWalletOutcome | null => outcome;

  async function attempt<T>(step: CrossmintWalletStep, run: () => Promise<T>): Promise<T> {
    outcome = null;
    try {
      return await run();
    } catch (cause) {
      if (cause instanceof WalletError) throw cause;
      if (passkeyDismissed(cause)) throw new WalletError("user_rejected", "the passkey prompt was dismissed (or this browser has no passkey for the wallet); nothing was signed", { cause });
      throw crossmintWalletError(step, lastOutcome(), cause);
    }
  }

  const deviceKeys = options.signer === "device" ? crossmintDeviceKeys(deviceName()) : null;

  // One opened wallet per session JWT: a new JWT (renewed, another user) opens it again.
  let opened: { jwt: string; wallet: Promise<EvmWallet> } | null = null;
  async function wallet(): Promise<EvmWallet> {
    const jwt = await options.token();
    if (!jwt) throw new WalletError("wallet_unavailable", "sign in with Crossmint before using the wallet");
    if (opened?.jwt !== jwt) {
      // `setJwt` returns a new context the SDK never sees; its API client reads `jwt` from the object it was given.
      crossmint.jwt = jwt;
      // The SDK's chain union is checked by Crossmint at run time.
      // The SDK asks for the email signer's code through `onAuthRequired`; the widget's prompt answers it.
      // In `device` mode the SDK looks for this browser's key when it opens the wallet (and uses it as
      // the signer), or flags the wallet for recovery: `recover()` then makes a key and registers it.
      const options = { callbacks: { onAuthRequired }, ...(deviceKeys && { deviceSignerKeyStorage: deviceKeys as never }) };
      const wallet = attempt("open the wallet", async () => sdk.EVMWallet.from(await wallets.getWallet({ chain: chain as never, options })));
      opened = { jwt, wallet };
      wallet.catch(() => (opened = opened?.wallet === wallet ? null : opened));
    }
    return opened.wallet;
  }

  /**
   * Crossmint's `onAuthRequired(signerType, locator, needsAuth, sendOtp, verifyOtp, reject)`: when the
   * email (or phone) signer needs a code, the adapter's approval handler hosts the prompt; giving up
   * (or no handler) calls `reject`, so the SDK signs nothing.
   */
  async function onAuthRequired(
    signerType: "email" | "phone",
    signer: string,
    needsAuth: boolean,
    sendOtp: () => Promise<void>,
    verifyOtp: (otp: string) => Promise<void>,
    reject: () => void,
  ): Promise<void> {
    if (!needsAuth) return;
    let missedCode = false;
    const handler = adapter.onApprovalRequired;
    if (!handler) return reject();
    try {
      await handler({
        signerType,
        signer,
        sendCode: () => attempt("send the code", sendOtp),
        verifyCode: async (code) => {
          try {
            await verifyOtp(code);
            if (missedCode) approvedAfterWrongCode = true;
          } catch (cause) {
            missedCode = true;
            // Crossmint's signer says only a sentence: an expired code reads so, anything else is a wrong code.
            const expired = /expir|attempt/i.test(String((cause as Error)?.message));
            throw new WalletError(expired ? "code_expired" : "code_invalid", String((cause as Error)?.message ?? "the code was not accepted"), { cause });
          }
        },
      });
    } catch {
      reject();
    }
  }

  /**
   * Set when the person typed a wrong code, then the right one. The SDK (1.1.0) fails the pending
   * signature at the first wrong code even though its `verifyOtp` accepts the next one, so the adapter
   * asks once more: the signer is ready by then, and no second prompt appears.
   */
  let approvedAfterWrongCode = false;
  async function retriedAfterWrongCode<T>(run: () => Promise<T>): Promise<T> {
    approvedAfterWrongCode = false;
    try {
      return await run();
    } catch (error) {
      if (!approvedAfterWrongCode) throw error;
      approvedAfterWrongCode = false;
      return run();
    }
  }

  /**
   * The wallet, once it is known to have a signer (the email signer's code goes through `onAuthRequired`;
   * in `passkey` mode, the user's passkey, registered first when the wallet has none).
   */
  async function signingWallet(): Promise<EvmWallet> {
    const w = await wallet();
    if (options.signer === "passkey") {
      await attempt("use your passkey", () => useCrossmintPasskey(w as unknown as PasskeyCapableWallet, location.hostname));
    }
    // The SDK looks for the device key while the wallet opens; `needsRecovery()` is only settled after.
    if (deviceKeys) await attempt("open the wallet", () => w.waitForInit());
    if (deviceKeys && w.needsRecovery()) {
      // No key for this wallet in this browser (a first withdrawal, or cleared site data): the SDK's
      // `recover()` makes one (`createDeviceSigner`) and registers it with `addSigner({ type: "device",
      // publicKey, name })`, which the email recovery signer approves through the code prompt.
      await retriedAfterWrongCode(() => attempt("register this device", () => w.recover()));
    }
    const type = w.signer?.type;
    if (!type) throw signerUnavailableError(type);
    return w;
  }

  /**
   * This browser's device signer at Crossmint: the wallet's registered `device:<public key>` signer whose
   * key is here. Removing it is the SDK's `removeSigner`, a transaction the email recovery signer
   * approves (the code prompt); the key is forgotten afterwards, and the wallet reopened so the SDK
   * looks again (the next withdrawal asks for the code and registers a new key).
   */
  const device: DeviceSignerControl = {
    async current() {
      const w = await wallet();
      const key = await deviceKeys!.getKey(w.address);
      if (!key) return null;
      const registered = (await attempt("open the wallet", () => w.signers())).find((s) => s.locator === `device:${key}`);
      return registered ? { id: registered.locator, name: (registered as { name?: string }).name ?? deviceKeys!.getDeviceName() } : null;
    },
    async remove() {
      const w = await wallet();
      const key = await deviceKeys!.getKey(w.address);
      if (!key) return;
      await retriedAfterWrongCode(() => attempt("remove this device", () => w.removeSigner({ type: "device", locator: `device:${key}` } as never)));
      await deviceKeys!.deleteKey(w.address);
      opened = null;
    },
  };

  const adapter: WalletAdapter = {
    provider: "crossmint",
    onApprovalRequired: null,
    ...(deviceKeys && { device }),
    async address() {
      return (await wallet()).address as HexString;
    },
    async signTypedData(typedData) {
      const w = await signingWallet();
      const { signature } = await retriedAfterWrongCode(() => attempt("sign the withdrawal", () => w.signTypedData({ ...typedData, chain } as never)));
      if (typeof signature !== "string" || !SIGNATURE.test(signature)) throw crossmintWalletError("sign the withdrawal", { status: 200 });
      return signature as HexString;
    },
    async sendTransaction(tx) {
      if (tx.chainId !== options.chainId) throw new WalletError("wrong_chain", `the transaction is for chain ${tx.chainId}, but the Crossmint wallet is on chain ${options.chainId}`);
      const w = await signingWallet();
      if (w.address.toLowerCase() !== tx.from.toLowerCase()) {
        throw new WalletError("wrong_account", `the transaction must come from ${tx.from}, but the signed-in user's Crossmint wallet is ${w.address}`);
      }
      // A retry after a wrong code makes a second transaction request; the first was never approved, so it never runs.
      const { hash } = await retriedAfterWrongCode(() => attempt("send the transaction", () => w.sendTransaction({ to: tx.to, data: tx.data as HexString, value: 0n })));
      if (typeof hash !== "string" || !TX_HASH.test(hash)) throw crossmintWalletError("send the transaction", { status: 200 });
      return hash as HexString;
    },
  };
  return adapter;
}

/** The name Crossmint lists the device signer under: the browser and platform, as far as the page can tell. */
function deviceName(): string {
  const brands = (navigator as { userAgentData?: { brands?: { brand: string }[]; platform?: string } }).userAgentData;
  const browser = brands?.brands?.map((b) => b.brand).find((b) => !/not.?a.?brand|chromium/i.test(b)) ?? (/firefox/i.test(navigator.userAgent) ? "Firefox" : /safari/i.test(navigator.userAgent) && !/chrome/i.test(navigator.userAgent) ? "Safari" : "Chromium");
  const platform = brands?.platform || navigator.platform || "this device";
  return `${browser} on ${platform}`;
}
