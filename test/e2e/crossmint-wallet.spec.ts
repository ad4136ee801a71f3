/**
 * The Crossmint wallet adapter (widget/src/wallet/crossmint-wallet.ts) with the real
 * @crossmint/wallets-sdk, created the way the element creates it (`createWallet` with the Worker's
 * config), tested up to Crossmint's HTTP boundary in Chromium, offline: Crossmint's hosts are answered
 * by the test (support/crossmint-page.ts). The endpoints and shapes are those the SDK sends and reads
 * (@crossmint/wallets-sdk 1.1.0 on @crossmint/common-sdk-base 0.10.0, API version 2025-06-09), with
 * the client key in `x-api-key` and the user's JWT as `Authorization: Bearer`:
 *   GET  /api/2025-06-09/wallets/me:evm:smart                          → {type, chainType, address, config: {adminSigner}}
 *   POST /api/2025-06-09/wallets/me:evm:smart/signatures               {type: "typed-data", params: {typedData, signer, chain}} → {id, status}
 *   GET  /api/2025-06-09/wallets/me:evm:smart/signatures/<id>          → {status, outputSignature}
 *   POST /api/2025-06-09/wallets/me:evm:smart/transactions             {params: {signer, chain, calls: [{to, value, data}]}} → {id, status}
 *   GET  /api/2025-06-09/wallets/me:evm:smart/transactions/<id>        (polled) → {status, onChain: {txId}}
 * A refusal is read as JSON; 500 and above fail in the SDK's API client.
 *
 * Signing runs to completion for a wallet whose admin signer is Crossmint's own (`api-key`): Crossmint
 * signs on its side and the SDK only creates, reads and polls. A wallet whose signer is `email` or
 * `phone` needs Crossmint's signer iframe (staging.signers.crossmint.com), which asks for the one-time
 * code through `onAuthRequired` after its handshake: here the tests cover the handoff (the iframe
 * requested, the call not refused); crossmint-signers.spec.ts serves that iframe and plays the signer
 * service, so the code round trip runs to the signature; the prompt's UI is tested in withdraw-approval.test.ts.
 */
import { expect, test, type Page } from "@playwright/test";
import { openPartnerPage, type CrossmintReply, type CrossmintRequest } from "./support/crossmint-page";
import { ADDRESS, JWT, ME, PROJECT, SIGNATURE, WITHDRAW } from "./support/crossmint-wallet-fixture";

const HASH = `0x${"ab".repeat(32)}`;
const TX = { from: ADDRESS, to: "0x4444444444444444444444444444444444444444", data: "0xa9059cbb00", value: "0x0", chainId: 84532 };

type Call = "address" | "signTypedData" | "sendTransaction";
interface WalletInPage {
  address(): Promise<string>;
  signTypedData(typedData: unknown): Promise<string>;
  sendTransaction(tx: unknown): Promise<string>;
}
interface WalletHarness {
  installTestKeyIssuer(): (environment: "staging" | "production", projectId: string) => string;
  createWallet(o: { config: unknown; provider: undefined; token: () => Promise<string | null> }): Promise<WalletInPage>;
  WalletError: typeof Error;
}
declare global {
  interface Window {
    wallet: WalletInPage;
    walletJwt: string | null;
  }
}

/** Crossmint's wallets API for one user's EVM smart wallet, as the SDK sees it. */
function crossmintWallets(options: { signer?: "api-key" | "email"; override?: (r: CrossmintRequest) => CrossmintReply | undefined } = {}) {
  const adminSigner = options.signer === "email" ? { type: "email", email: "ada@example.com", locator: "email:ada@example.com" } : { type: "api-key", locator: "api-key" };
  let polls = 0;
  return (request: CrossmintRequest): CrossmintReply => {
    const overridden = options.override?.(request);
    if (overridden) return overridden;
    const path = request.url.pathname;
    if (request.url.host !== "staging.crossmint.com" && request.url.host !== "www.crossmint.com") {
      // The SDK's telemetry, and Crossmint's signer iframe (a page that never completes its handshake here).
      return request.url.host.endsWith("signers.crossmint.com") ? { body: "<!doctype html><title>signers</title>" } : { body: {} };
    }
    if (request.method === "GET" && path === ME) {
      return { body: { type: "smart", chainType: "evm", address: ADDRESS, owner: "userId:cm-user-1", config: { adminSigner }, createdAt: "2026-11-01T00:00:00Z" } };
    }
    if (request.method === "POST" && path === `${ME}/signatures`) return { status: 201, body: { id: "sig-1", type: "typed-data", status: "pending", approvals: { pending: [], submitted: [] } } };
    if (request.method === "GET" && path === `${ME}/signatures/sig-1`) return { body: { id: "sig-1", type: "typed-data", status: "success", outputSignature: SIGNATURE, approvals: { pending: [], submitted: [] } } };
    if (request.method === "POST" && path === `${ME}/transactions`) {
      return { status: 201, body: { id: "tx-1", status: "pending", chainType: "evm", walletType: "smart", onChain: {}, approvals: { pending: [], submitted: [] } } };
    }
    if (request.method === "GET" && path === `${ME}/transactions/tx-1`) {
      polls += 1;
      // Pending while Crossmint broadcasts; the SDK polls until it is not.
      if (polls < 3) return { body: { id: "tx-1", status: "pending", chainType: "evm", onChain: {} } };
      return { body: { id: "tx-1", status: "success", chainType: "evm", onChain: { txId: HASH, explorerLink: `https://sepolia.basescan.org/tx/${HASH}` } } };
    }
    return { status: 404, body: { error: true, message: "Not found" } };
  };
}

/** Opens the page and creates the adapter the way the element does (`createWallet` with the Worker's config). */
async function walletPage(page: Page, answer: (r: CrossmintRequest) => CrossmintReply, o: { environment?: "staging" | "production"; chainId?: number } = {}) {
  const fake = await openPartnerPage(page, answer);
  const clientKey = await page.evaluate(
    async ([environment, project, chainId, jwt]) => {
      const harness = (window as unknown as { harness: WalletHarness }).harness;
      const key = harness.installTestKeyIssuer()(environment, project);
      window.walletJwt = jwt;
      const config = { auth: { provider: "crossmint", clientApiKey: key }, wallet: { provider: "crossmint" }, chain: { id: chainId, name: "Base", explorerUrl: null } };
      window.wallet = await harness.createWallet({ config, provider: undefined, token: async () => window.walletJwt });
      return key;
    },
    [o.environment ?? "staging", PROJECT, o.chainId ?? 84532, JWT] as const,
  );
  return { fake, clientKey, wallets: () => fake.requests.filter((r) => r.url.pathname.startsWith("/api/2025-06-09/wallets")) };
}

interface SeenError {
  isWalletError: boolean;
  code: string;
  message: string;
}

/** Calls the adapter in the page and returns what the page saw of its failure (class, code, message). */
async function failure(page: Page, call: Call, arg?: unknown): Promise<SeenError> {
  return page.evaluate(
    async ([call, arg]) => {
      const harness = (window as unknown as { harness: WalletHarness }).harness;
      try {
        await (call === "address" ? window.wallet.address() : window.wallet[call](arg));
      } catch (e) {
        const error = e as Error & { code: string };
        return { isWalletError: error instanceof harness.WalletError, code: error.code, message: error.message };
      }
      throw new Error(`${call} did not fail`);
    },
    [call, arg] as const,
  );
}

function expectNothingLeaked(error: SeenError, clientKey: string) {
  for (const secret of [clientKey, JWT, "eyJ"]) expect(error.message).not.toContain(secret);
}

test.describe("Crossmint wallet adapter, up to Crossmint's wallets API", () => {
  test("opens the user's EVM smart wallet on the key's host, with the client key and the user's JWT", async ({ page }) => {
    const { fake, clientKey, wallets } = await walletPage(page, crossmintWallets());
    const addresses = await page.evaluate(async () => [await window.wallet.address(), await window.wallet.address()]);

    expect(addresses).toEqual([ADDRESS, ADDRESS]);
    // Opened once for the session's JWT.
    expect(wallets()).toHaveLength(1);
    const [open] = wallets();
    expect(open!.method).toBe("GET");
    expect(open!.url.href).toBe(`https://staging.crossmint.com${ME}`);
    expect(open!.headers["x-api-key"]).toBe(clientKey);
    expect(open!.headers.authorization).toBe(`Bearer ${JWT}`);
    expect(open!.headers["x-client-name"]).toBe("@crossmint/wallets-sdk");
    expect(fake.unexpected).toEqual([]);
    // Nothing the SDK sent elsewhere (its telemetry) carries the key or the JWT.
    for (const r of fake.requests.filter((r) => !r.url.pathname.startsWith("/api/"))) expect(JSON.stringify(r.body ?? "")).not.toContain(JWT);
  });

  test("a production key opens the wallet at www.crossmint.com", async ({ page }) => {
    const { wallets } = await walletPage(page, crossmintWallets(), { environment: "production", chainId: 8453 });
    await page.evaluate(() => window.wallet.address());
    expect(wallets().map((r) => r.url.origin)).toEqual(["https://www.crossmint.com"]);
  });

  test("signs the withdrawal's EIP-712 Withdraw message through Crossmint, on the chain named from the chain id", async ({ page }) => {
    const { wallets } = await walletPage(page, crossmintWallets());
    const signature = await page.evaluate((typedData) => window.wallet.signTypedData(typedData), WITHDRAW);

    expect(signature).toBe(SIGNATURE);
    const create = wallets().find((r) => r.method === "POST" && r.url.pathname === `${ME}/signatures`)!;
    expect(create.headers.authorization).toBe(`Bearer ${JWT}`);
    expect(create.headers["content-type"]).toBe("application/json");
    expect(create.body).toEqual({
      type: "typed-data",
      params: { typedData: { domain: WITHDRAW.domain, message: WITHDRAW.message, primaryType: "Withdraw", types: WITHDRAW.types }, signer: "api-key", chain: "base-sepolia" },
    });
    expect(wallets().map((r) => `${r.method} ${r.url.pathname}`)).toEqual([`GET ${ME}`, `POST ${ME}/signatures`, `GET ${ME}/signatures/sig-1`]);
  });

  test("sends the withdrawal transaction (to, data, value 0) and returns the hash once Crossmint broadcast it", async ({ page }) => {
    const { wallets } = await walletPage(page, crossmintWallets());
    const hash = await page.evaluate((tx) => window.wallet.sendTransaction(tx), TX);

    expect(hash).toBe(HASH);
    const create = wallets().find((r) => r.method === "POST" && r.url.pathname === `${ME}/transactions`)!;
    expect(create.body).toEqual({ params: { signer: "api-key", chain: "base-sepolia", calls: [{ to: TX.to, value: "0", data: TX.data }] } });
    expect(wallets().filter((r) => r.url.pathname === `${ME}/transactions/tx-1`).length).toBeGreaterThanOrEqual(3);
  });

  test("a transaction from another account or for another chain is refused before Crossmint is asked", async ({ page }) => {
    const { wallets } = await walletPage(page, crossmintWallets());
    const otherAccount = await failure(page, "sendTransaction", { ...TX, from: "0x9999999999999999999999999999999999999999" });
    const otherChain = await failure(page, "sendTransaction", { ...TX, chainId: 8453 });
    expect(otherAccount).toMatchObject({ isWalletError: true, code: "wrong_account" });
    expect(otherChain).toMatchObject({ isWalletError: true, code: "wrong_chain" });
    expect(wallets().filter((r) => r.method === "POST")).toEqual([]);
  });

  test("a chain the key's environment cannot use is refused before any request", async ({ page }) => {
    const fake = await openPartnerPage(page, crossmintWallets());
    const codes = await page.evaluate(async (project) => {
      const harness = (window as unknown as { harness: WalletHarness }).harness;
      const issue = harness.installTestKeyIssuer();
      const out: string[] = [];
      for (const [environment, chainId] of [["staging", 8453], ["production", 84532], ["staging", 31337]] as const) {
        const config = { auth: { provider: "crossmint", clientApiKey: issue(environment, project) }, wallet: { provider: "crossmint" }, chain: { id: chainId, name: "x", explorerUrl: null } };
        try {
          await harness.createWallet({ config, provider: undefined, token: async () => "jwt" });
          out.push("none");
        } catch (e) {
          out.push((e as { code: string }).code);
        }
      }
      return out;
    }, PROJECT);
    // A staging key would otherwise be moved by the SDK from Base to Base Sepolia without a word.
    expect(codes).toEqual(["wrong_chain", "wrong_chain", "wrong_chain"]);
    expect(fake.requests.filter((r) => r.url.pathname.startsWith("/api/"))).toEqual([]);
  });

  test("a wallet whose signer needs Crossmint's one-time code is not refused: signing is handed to Crossmint's signer", async ({ page }) => {
    const { fake } = await walletPage(page, crossmintWallets({ signer: "email" }));
    expect(await page.evaluate(() => window.wallet.address())).toBe(ADDRESS);
    // The adapter gives the SDK its onAuthRequired (answered by the card's approval prompt) instead of
    // refusing; the SDK hands the email signer to Crossmint's signer iframe, which never completes its
    // handshake offline: this is where offline testing stops, so the call is left pending.
    const outcome = await page.evaluate(async (withdraw) => {
      const started = window.wallet.signTypedData(withdraw).then(
        () => "signed",
        (e: Error & { code?: string }) => `${e.code}: ${e.message}`,
      );
      return Promise.race([started, new Promise<string>((resolve) => setTimeout(() => resolve("pending"), 1500))]);
    }, WITHDRAW);
    expect(outcome).toBe("pending");
    await expect.poll(() => fake.requests.some((r) => r.url.origin === "https://staging.signers.crossmint.com")).toBe(true);
  });
});

test.describe("Crossmint wallet adapter, when Crossmint refuses or cannot be reached", () => {
  test("without a session JWT: wallet_unavailable, and nothing is sent to Crossmint", async ({ page }) => {
    const { clientKey, wallets } = await walletPage(page, crossmintWallets());
    await page.evaluate(() => (window.walletJwt = null));
    for (const call of ["address", "signTypedData"] as const) {
      const error = await failure(page, call, WITHDRAW);
      expect(error).toMatchObject({ isWalletError: true, code: "wallet_unavailable" });
      expect(error.message).toMatch(/sign in/);
      expectNothingLeaked(error, clientKey);
    }
    expect(wallets()).toEqual([]);
  });

  const opening: [string, CrossmintReply, string, RegExp][] = [
    ["unreachable (request aborted)", "abort", "wallet_unavailable", /could not be reached/],
    ["refuses the key or the origin (401)", { status: 401, body: { error: true, message: "Unauthorized" } }, "wallet_unavailable", /sign in again.*client key.*origin/],
    ["refuses the origin (403, not JSON)", { status: 403, body: "<html>Forbidden</html>" }, "wallet_unavailable", /sign in again.*client key.*origin/],
    ["has no wallet for the user (404)", { status: 404, body: { error: true, message: "Wallet not found" } }, "wallet_unavailable", /no wallet for the signed-in user/],
    ["is down (503)", { status: 503, body: "<html>Service Unavailable</html>" }, "wallet_error", /failed to open the wallet \(HTTP 503\); try again/],
  ];
  for (const [what, reply, code, message] of opening) {
    test(`opening the wallet, Crossmint ${what}: ${code}`, async ({ page }) => {
      const answer = crossmintWallets({ override: (r) => (r.url.pathname === ME ? reply : undefined) });
      const { clientKey } = await walletPage(page, answer);
      const error = await failure(page, "address");
      expect(error).toMatchObject({ isWalletError: true, code });
      expect(error.message).toMatch(message);
      expectNothingLeaked(error, clientKey);
    });
  }

  test("a wallet that failed to open is opened again on the next call", async ({ page }) => {
    let down = true;
    const { wallets } = await walletPage(page, crossmintWallets({ override: (r) => (down && r.url.pathname === ME ? { status: 502, body: "Bad gateway" } : undefined) }));
    expect((await failure(page, "address")).code).toBe("wallet_error");
    down = false;
    expect(await page.evaluate(() => window.wallet.address())).toBe(ADDRESS);
    expect(wallets()).toHaveLength(2);
  });

  const signing: [string, Call, unknown, (r: CrossmintRequest) => CrossmintReply | undefined, string, RegExp][] = [
    ["refuses the signature request (400)", "signTypedData", WITHDRAW, (r) => (r.url.pathname === `${ME}/signatures` ? { status: 400, body: { error: true, message: "Invalid typed data" } } : undefined), "wallet_error", /refused to sign the withdrawal \(HTTP 400\)/],
    [
      "reports the signature failed",
      "signTypedData",
      WITHDRAW,
      (r) => (r.url.pathname === `${ME}/signatures/sig-1` ? { body: { id: "sig-1", status: "failed", approvals: { pending: [], submitted: [] } } } : undefined),
      "wallet_error",
      /did not sign the withdrawal/,
    ],
    ["cannot be reached while signing", "signTypedData", WITHDRAW, (r) => (r.url.pathname === `${ME}/signatures` ? "abort" : undefined), "wallet_unavailable", /could not be reached to sign/],
    ["is down while signing (500)", "signTypedData", WITHDRAW, (r) => (r.url.pathname === `${ME}/signatures` ? { status: 500, body: "oops" } : undefined), "wallet_error", /failed to sign the withdrawal \(HTTP 500\)/],
    ["refuses the JWT while signing (401)", "signTypedData", WITHDRAW, (r) => (r.url.pathname === `${ME}/signatures` ? { status: 401, body: { error: true, message: "Unauthorized" } } : undefined), "wallet_unavailable", /sign in again/],
    ["refuses the transaction (422)", "sendTransaction", TX, (r) => (r.url.pathname === `${ME}/transactions` ? { status: 422, body: { error: true, message: "Simulation failed" } } : undefined), "wallet_error", /refused to send the transaction \(HTTP 422\)/],
    [
      "reports the transaction failed",
      "sendTransaction",
      TX,
      (r) => (r.url.pathname === `${ME}/transactions/tx-1` ? { body: { id: "tx-1", status: "failed", chainType: "evm", onChain: {}, error: { reason: "execution reverted" } } } : undefined),
      "wallet_error",
      /did not send the transaction/,
    ],
  ];
  for (const [what, call, arg, override, code, message] of signing) {
    test(`Crossmint ${what}: ${code}`, async ({ page }) => {
      const { clientKey } = await walletPage(page, crossmintWallets({ override }));
      const error = await failure(page, call, arg);
      expect(error).toMatchObject({ isWalletError: true, code });
      expect(error.message).toMatch(message);
      expectNothingLeaked(error, clientKey);
    });
  }

  test("a client key that is not Crossmint's is refused before any request, without repeating the key", async ({ page }) => {
    const fake = await openPartnerPage(page, () => ({ status: 500 }));
    const errors = await page.evaluate(async () => {
      const harness = (window as unknown as { harness: WalletHarness }).harness;
      const forged = `${harness.installTestKeyIssuer()("staging", "proj-test-1").slice(0, -4)}abcd`;
      const out = [];
      for (const clientKey of ["ck_staging_not-a-key", forged, "sk_staging_server-key"]) {
        const config = { auth: { provider: "crossmint", clientApiKey: clientKey }, wallet: { provider: "crossmint" }, chain: { id: 84532, name: "Base Sepolia", explorerUrl: null } };
        try {
          await harness.createWallet({ config, provider: undefined, token: async () => "jwt" });
          out.push({ clientKey, code: "none", message: "" });
        } catch (e) {
          out.push({ clientKey, code: (e as { code: string }).code, message: (e as Error).message });
        }
      }
      return out;
    });
    for (const error of errors) {
      expect(error.code).toBe("wallet_unavailable");
      expect(error.message).toMatch(/client key/);
      expect(error.message).not.toContain(error.clientKey);
    }
    expect(fake.requests.filter((r) => r.url.pathname.startsWith("/api/"))).toEqual([]);
  });
});
