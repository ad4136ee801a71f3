import type { Hono } from "hono";
import { encodeFunctionData, recoverTypedDataAddress, type Address, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collateralWithdrawTypedData } from "../../shared/abi/collateral-withdraw-typed-data";
import { coordinatorV2Abi } from "../../shared/abi/coordinator-v2";
import { erc20Abi } from "../../shared/abi/erc20";
import { executorPayload, fundedCollateral, randomSalt, startChainFixture, type ChainFixture } from "../chain/testing/chain-fixture";
import { createIdentityIssuer, type IdentityIssuer } from "../identity/identity-issuer";
import { createTestTokens } from "../identity/test-tokens";
import { createSandboxSigner } from "./sandbox-signer";
import { createWalletsStandIn } from "./wallets-api";

const API_KEY = "sk_sandbox_signer_test";
const USD = 1_000_000n;
let f: ChainFixture;
let identity: IdentityIssuer;
let crossmint: Hono;
let signer: Hono;

beforeAll(async () => {
  f = await startChainFixture();
  identity = await createIdentityIssuer({ logger: () => {} });
  const standIn = await createWalletsStandIn({ chain: f.chain, apiKey: API_KEY, userIdForEmail: identity.userIdForEmail });
  crossmint = standIn.app;
  signer = createSandboxSigner({ wallets: standIn.wallets, verifyToken: identity.verifyToken, chain: f.chain }).app;
}, 60_000);
afterAll(() => f?.stop());

function call(path: string, jwt: string | undefined, body?: unknown) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (jwt) headers.Authorization = `Bearer ${jwt}`;
  return signer.request(path, body === undefined ? { headers } : { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

async function errorOf(res: Response) {
  const body = (await res.json()) as { ok: boolean; data: null; errors: { code: string; field?: string }[] };
  expect(body).toMatchObject({ ok: false, data: null });
  return { status: res.status, code: body.errors[0]!.code, field: body.errors[0]!.field };
}

async function signedIn(email: string) {
  const { jwt, user } = await identity.signIn(email);
  const me = (await (await call("/", jwt)).json()) as { address: Address };
  return { jwt, user, address: me.address };
}

/** JSON as eth_signTypedData_v4 carries it: bigints as decimal strings. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));

describe("the sandbox wallet", () => {
  it("answers the signed-in user's wallet: the one the Worker gets from the wallets API", async () => {
    const { user, jwt } = await identity.signIn("ada@example.com");
    const created = await crossmint.request("/api/2025-06-09/wallets", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-KEY": API_KEY, "x-idempotency-key": `wallet-${user.id}` },
      body: JSON.stringify({ chainType: "evm", type: "smart", config: { adminSigner: { type: "api-key" } }, owner: `userId:${user.id}` }),
    });
    const { address } = (await created.json()) as { address: Address };
    expect(await (await call("/", jwt)).json()).toEqual({ address, owner: `userId:${user.id}`, chainType: "evm", type: "smart", chainId: f.chain.chainId });
  });

  it("creates the wallet on first use, and the wallets API then finds it", async () => {
    const bob = await signedIn("bob@example.com");
    const found = await crossmint.request(`/api/2025-06-09/wallets/userId:${bob.user.id}:evm:smart`, { headers: { "X-API-KEY": API_KEY } });
    expect(((await found.json()) as { address: Address }).address).toBe(bob.address);
    expect(await f.publicClient.getBalance({ address: bob.address })).toBeGreaterThan(0n);
  });

  it("signs EIP-712 typed data as eth_signTypedData_v4 sends it (object or string); the signature recovers to the wallet", async () => {
    const ada = await signedIn("ada@example.com");
    const typedData = collateralWithdrawTypedData({
      chainId: f.chain.chainId,
      collateralProxy: "0x00000000000000000000000000000000000000c0",
      adminSalt: randomSalt(),
      user: ada.address,
      asset: f.chain.tokenAddress,
      amount: 12n * USD,
      recipient: "0x00000000000000000000000000000000000000e1",
      nonce: 3n,
    });
    for (const sent of [asJson(typedData), JSON.stringify(asJson(typedData))]) {
      const res = await call("/sign-typed-data", ada.jwt, { typedData: sent, address: ada.address.toLowerCase() });
      expect(res.status).toBe(200);
      const { signature, address } = (await res.json()) as { signature: Hex; address: Address };
      expect(address).toBe(ada.address);
      expect(await recoverTypedDataAddress({ ...typedData, signature })).toBe(ada.address);
    }
  });

  it("executes a v2 withdrawal end to end: admin signature and transaction both from the user's wallet; a replay is refused", async () => {
    const ada = await signedIn("ada@example.com");
    const collateral = await fundedCollateral(f, { admin: ada.address, version: 2, balance: 100n * USD });
    const recipient = (await f.newWallet()).account.address;
    const executor = await executorPayload(f, { version: 2, collateral, admin: ada.address, amount: 40n * USD, recipient });
    const adminSalt = randomSalt();
    const typedData = collateralWithdrawTypedData({
      chainId: f.chain.chainId,
      collateralProxy: collateral,
      adminSalt,
      user: ada.address,
      asset: executor.asset,
      amount: executor.amount,
      recipient,
      nonce: await f.chain.adminNonce(collateral),
    });
    const signed = await call("/sign-typed-data", ada.jwt, { typedData: asJson(typedData) });
    const { signature } = (await signed.json()) as { signature: Hex };
    const data = encodeFunctionData({
      abi: coordinatorV2Abi,
      functionName: "withdrawAsset",
      args: [executor.collateral, executor.asset, executor.amount, recipient, executor.expiresAt, executor.salt, executor.signature, [adminSalt], [signature], true],
    });

    const sent = await call("/send-transaction", ada.jwt, { to: f.chain.coordinatorAddress, data, from: ada.address });
    expect(sent.status).toBe(200);
    const { hash, from } = (await sent.json()) as { hash: Hex; from: Address };
    expect(from).toBe(ada.address);
    const receipt = await f.publicClient.waitForTransactionReceipt({ hash });
    expect(receipt).toMatchObject({ status: "success", from: ada.address.toLowerCase(), to: f.chain.coordinatorAddress.toLowerCase() });
    const balance = await f.publicClient.readContract({ address: f.chain.tokenAddress, abi: erc20Abi, functionName: "balanceOf", args: [recipient] });
    expect(balance).toBe(40n * USD);

    const replay = await call("/send-transaction", ada.jwt, { to: f.chain.coordinatorAddress, data });
    expect(await errorOf(replay)).toMatchObject({ status: 422, code: "transaction_reverted" });
  });

  it("sends concurrent transactions from one wallet with nonces in order, and sponsors gas when the wallet runs dry", async () => {
    const carol = await signedIn("carol@example.com");
    await f.chain.fundGas({ address: carol.address, wei: 0n });
    const to = (await f.newWallet()).account.address;
    const replies = await Promise.all([1, 2, 3, 4, 5].map((n) => call("/send-transaction", carol.jwt, { to, value: String(n) })));
    const hashes = await Promise.all(replies.map(async (r) => ((await r.json()) as { hash: Hex }).hash));
    expect(new Set(hashes).size).toBe(5);
    const receipts = await Promise.all(hashes.map((hash) => f.publicClient.waitForTransactionReceipt({ hash })));
    expect(receipts.every((r) => r.status === "success")).toBe(true);
    expect(await f.publicClient.getBalance({ address: to })).toBe(10n ** 19n + 15n);
  });

  it("never lets one user use another user's wallet", async () => {
    const ada = await signedIn("ada@example.com");
    const mallory = await signedIn("mallory@example.com");
    expect(mallory.address).not.toBe(ada.address);
    expect(await errorOf(await call("/send-transaction", mallory.jwt, { to: mallory.address, value: "1", from: ada.address }))).toEqual({
      status: 403,
      code: "forbidden",
      field: "from",
    });
    const typedData = { types: { Note: [{ name: "text", type: "string" }] }, primaryType: "Note", domain: { name: "x" }, message: { text: "hi" } };
    expect(await errorOf(await call("/sign-typed-data", mallory.jwt, { typedData, address: ada.address }))).toEqual({
      status: 403,
      code: "forbidden",
      field: "address",
    });
  });

  it("refuses requests without a valid identity token", async () => {
    const tokens = createTestTokens(identity);
    const who = { email: "ada@example.com" };
    expect(await errorOf(await call("/", undefined))).toMatchObject({ status: 401, code: "unauthorized" });
    expect(await errorOf(await signer.request("/", { headers: { Authorization: "Basic abc" } }))).toMatchObject({ status: 401, code: "unauthorized" });
    expect(await errorOf(await call("/", await tokens.expired(who)))).toMatchObject({ status: 401, code: "token_expired" });
    for (const bad of [await tokens.unknownKey(who), await tokens.wrongAudience(who), await tokens.tamperedPayload(who), await tokens.missingKid(who)]) {
      expect(await errorOf(await call("/send-transaction", bad, { to: f.chain.tokenAddress }))).toMatchObject({ status: 401, code: "unauthorized" });
    }
  });

  const note = { types: { Note: [{ name: "text", type: "string" }, { name: "n", type: "uint8" }] }, primaryType: "Note", message: { text: "hi", n: 1 } };
  it.each([
    ["/send-transaction", "{oops", undefined],
    ["/send-transaction", {}, "to"],
    ["/send-transaction", { to: "0x12" }, "to"],
    ["/send-transaction", { to: "0x00000000000000000000000000000000000000e1", data: "0xabc" }, "data"],
    ["/send-transaction", { to: "0x00000000000000000000000000000000000000e1", data: "deadbeef" }, "data"],
    ["/send-transaction", { to: "0x00000000000000000000000000000000000000e1", value: "-1" }, "value"],
    ["/send-transaction", { to: "0x00000000000000000000000000000000000000e1", value: 1.5 }, "value"],
    ["/send-transaction", { to: "0x00000000000000000000000000000000000000e1", from: "ada" }, "from"],
    ["/sign-typed-data", {}, "typedData"],
    ["/sign-typed-data", { typedData: "{not json" }, "typedData"],
    ["/sign-typed-data", { typedData: { ...note, primaryType: "Missing" } }, "typedData.primaryType"],
    ["/sign-typed-data", { typedData: { ...note, types: { Note: "text" } } }, "typedData.types.Note"],
    ["/sign-typed-data", { typedData: { ...note, message: { text: "hi", n: "abc" } } }, "typedData.message.n"],
    ["/sign-typed-data", { typedData: { ...note, message: { text: "hi", n: 256 } } }, "typedData.message.n"],
    ["/sign-typed-data", { typedData: { ...note, message: { text: 7, n: 1 } } }, "typedData.message.text"],
    ["/sign-typed-data", { typedData: { ...note, domain: { chainId: 1 } } }, "typedData.domain.chainId"],
    ["/sign-typed-data", { typedData: { ...note, domain: { salt: "0x1234" } } }, "typedData.domain.salt"],
    ["/sign-typed-data", { typedData: { ...note, domain: { verifyingContract: "0xnope" } } }, "typedData.domain.verifyingContract"],
    ["/sign-typed-data", { typedData: { ...note, domain: { colour: "red" } } }, "typedData.domain.colour"],
  ])("answers 400 with the field to POST %s %j", async (path, body, field) => {
    const { jwt } = await identity.signIn("ada@example.com");
    expect(await errorOf(await call(path, jwt, body))).toEqual({ status: 400, code: "invalid_request", field });
  });

  it("answers CORS preflights from any origin without a token", async () => {
    const res = await signer.request("/send-transaction", {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
  });
});
