import type { Hono } from "hono";
import {
  decodeEventLog,
  encodeFunctionData,
  getAddress,
  isErc6492Signature,
  parseErc6492Signature,
  recoverTypedDataAddress,
  type Address,
  type Hash,
  type Hex,
} from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collateralWithdrawTypedData } from "@machines-card/contract/abi/collateral-withdraw-typed-data";
import { coordinatorV2Abi } from "@machines-card/contract/abi/coordinator-v2";
import { entryPointEventsAbi } from "@machines-card/contract/abi/entry-point";
import { erc20Abi } from "@machines-card/contract/abi/erc20";
import { executorPayload, fundedCollateral, randomSalt, startChainFixture, type ChainFixture } from "../chain/testing/chain-fixture";
import { createIdentityIssuer, type IdentityIssuer } from "../identity/identity-issuer";
import { createTestTokens } from "../identity/test-tokens";
import { createSandboxSigner } from "./sandbox-signer";
import { createApprovalBook, DEFAULT_APPROVAL_POLICY, deviceApprovalMessage } from "./signer/approvals";
import type { SandboxWallets } from "./sandbox-wallets";
import { sandboxAccountFactoryAbi } from "./smart-account";
import { createWalletsStandIn } from "./wallets-api";

const API_KEY = "sk_sandbox_signer_test";
const USD = 1_000_000n;
let f: ChainFixture;
let identity: IdentityIssuer;
let crossmint: Hono;
let signer: Hono;
let wallets: SandboxWallets;
/** The "mailbox": approval codes the signer printed, newest last. */
const mailbox: string[] = [];
let clock = 0;
// Many approvals per user here: the per-email code limit is not what these tests are about.
const approvals = createApprovalBook({ ...DEFAULT_APPROVAL_POLICY, maxCodesPerWindow: 1000 }, () => Date.now() + clock);
const standInWallets = async () => wallets.list();

beforeAll(async () => {
  f = await startChainFixture({ bundler: true });
  identity = await createIdentityIssuer({ logger: () => {} });
  const standIn = await createWalletsStandIn({ chain: f.chain, apiKey: API_KEY, userIdForEmail: identity.userIdForEmail });
  crossmint = standIn.app;
  wallets = standIn.wallets;
  signer = createSandboxSigner({ wallets: standIn.wallets, verifyToken: identity.verifyToken, chain: f.chain, bundler: f.bundler, approvals, log: (l) => mailbox.push(l) }).app;
}, 120_000);
afterAll(() => f?.stop());

function bare(path: string, jwt: string | undefined, body?: unknown) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (jwt) headers.Authorization = `Bearer ${jwt}`;
  return signer.request(path, body === undefined ? { headers } : { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

/** The code the signer last "emailed". */
const lastCode = () => /: (\d{6}) /.exec(mailbox.at(-1) ?? "")?.[1] ?? "";

/** An approval won the way the user wins it: send the emailed code, read it, enter it (one at a time: only an email's latest code is valid). */
let approving: Promise<unknown> = Promise.resolve();
function emailApproval(jwt: string): Promise<string> {
  const next = approving.then(async () => {
    expect((await bare("/approvals/email", jwt, {})).status).toBe(200);
    const res = await bare("/approvals/email/verify", jwt, { code: lastCode() });
    expect(res.status).toBe(200);
    return ((await res.json()) as { approval: string }).approval;
  });
  approving = next.catch(() => {});
  return next;
}

/** Signing and sending as the widget does them: approved first with an emailed code (unless the test passes its own). */
async function call(path: string, jwt: string | undefined, body?: unknown) {
  const signs = path === "/sign-typed-data" || path === "/send-transaction";
  if (signs && jwt && body && typeof body === "object" && !("approval" in body)) {
    const approval = await emailApproval(jwt).catch(() => undefined);
    if (approval) body = { ...body, approval };
  }
  return bare(path, jwt, body);
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

interface Sent {
  hash: Hash;
  userOperationHash: Hash;
  transactionHash: Hash | null;
  from: Address;
}

async function send(jwt: string, tx: object): Promise<Sent> {
  const res = await call("/send-transaction", jwt, tx);
  const body = (await res.json()) as Sent;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

const hasCode = async (address: Address) => ((await f.publicClient.getCode({ address })) ?? "0x") !== "0x";

/** The user operations a bundle transaction carried, from the EntryPoint's events. */
async function operationsIn(hash: Hash) {
  const receipt = await f.publicClient.waitForTransactionReceipt({ hash });
  const operations = receipt.logs.flatMap((log) => {
    if (getAddress(log.address) !== f.chain.entryPointAddress) return [];
    try {
      const event = decodeEventLog({ abi: entryPointEventsAbi, data: log.data, topics: log.topics });
      return event.eventName === "UserOperationEvent" ? [event.args] : [];
    } catch {
      return []; // the EntryPoint's other events (Deposited, AccountDeployed, …)
    }
  });
  return { receipt, operations };
}

/** JSON as eth_signTypedData_v4 carries it: bigints as decimal strings. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));

/** The transaction that included a user operation, from the EntryPoint's logs (no bundler needed). */
async function waitForOperation(userOpHash: Hash): Promise<Hash> {
  for (let i = 0; i < 100; i++) {
    const [log] = await f.publicClient.getLogs({ address: f.chain.entryPointAddress, event: entryPointEventsAbi[0], args: { userOpHash }, fromBlock: 0n });
    if (log) return log.transactionHash;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`user operation ${userOpHash} was not included`);
}

/** Resolves once the bundler holds `count` operations (manual mode). */
async function waitForMempool(count: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(f.bundler!.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "debug_bundler_dumpMempool", params: [f.chain.entryPointAddress] }),
    });
    const { result } = (await res.json()) as { result?: unknown[] };
    if ((result?.length ?? 0) >= count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the bundler never held ${count} operations`);
}

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

  it("gives every user a smart account: a counterfactual address with no code until its first operation", async () => {
    const eve = await signedIn("eve@example.com");
    const wallet = (await standInWallets()).find((w) => w.address === eve.address)!;
    expect(wallet.signerAddress).not.toBe(eve.address);
    expect(await hasCode(eve.address)).toBe(false);
    const counterfactual = await f.publicClient.readContract({
      address: f.chain.accountFactoryAddress,
      abi: sandboxAccountFactoryAbi,
      functionName: "getAddress",
      args: [wallet.signerAddress, 0n],
    });
    expect(counterfactual).toBe(eve.address);
  });

  it("signs EIP-712 typed data as eth_signTypedData_v4 sends it (object or string): ERC-6492 while undeployed, valid for the account", async () => {
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
      expect(isErc6492Signature(signature)).toBe(true);
      expect(getAddress(parseErc6492Signature(signature).address!)).toBe(f.chain.accountFactoryAddress);
      expect(await f.publicClient.verifyTypedData({ ...typedData, address: ada.address, signature })).toBe(true);
    }
  });

  it("executes a v2 withdrawal from a fresh account in one user operation: it deploys the account, the coordinator checks the inner signature by ERC-1271", async () => {
    const ada = await signedIn("ada-v2@example.com");
    expect(await hasCode(ada.address)).toBe(false);
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
    // Undeployed: ERC-6492-wrapped. The call carries the inner signature, which the account (deployed
    // by this same operation before it runs the call) approves.
    expect(isErc6492Signature(signature)).toBe(true);
    const inner = parseErc6492Signature(signature).signature;
    const withdrawal = (adminSignature: Hex) =>
      encodeFunctionData({
        abi: coordinatorV2Abi,
        functionName: "withdrawAsset",
        args: [executor.collateral, executor.asset, executor.amount, recipient, executor.expiresAt, executor.salt, executor.signature, [adminSalt], [adminSignature], true],
      });
    // The wrapped form would not pass the coordinator's ERC-1271 check: the bundler refuses it at simulation.
    expect(await errorOf(await call("/send-transaction", ada.jwt, { to: f.chain.coordinatorAddress, data: withdrawal(signature) }))).toMatchObject({
      status: 422,
      code: "transaction_reverted",
    });

    const sent = await send(ada.jwt, { to: f.chain.coordinatorAddress, data: withdrawal(inner), from: ada.address });
    expect(sent).toMatchObject({ from: ada.address, hash: sent.transactionHash });
    const { receipt, operations } = await operationsIn(sent.transactionHash!);
    expect(receipt).toMatchObject({ status: "success", from: f.bundler!.executorAddress.toLowerCase(), to: f.chain.entryPointAddress.toLowerCase() });
    expect(operations).toEqual([expect.objectContaining({ userOpHash: sent.userOperationHash, sender: ada.address, success: true })]);
    expect(await hasCode(ada.address)).toBe(true);
    const balance = await f.publicClient.readContract({ address: f.chain.tokenAddress, abi: erc20Abi, functionName: "balanceOf", args: [recipient] });
    expect(balance).toBe(40n * USD);

    // Deployed now: signatures are the plain 65 bytes the account approves (ERC-1271).
    const again = (await (await call("/sign-typed-data", ada.jwt, { typedData: asJson(typedData) })).json()) as { signature: Hex };
    expect(isErc6492Signature(again.signature)).toBe(false);
    const wallet = (await standInWallets()).find((w) => w.address === ada.address)!;
    expect(await recoverTypedDataAddress({ ...typedData, signature: again.signature })).toBe(wallet.signerAddress);
    expect(await f.publicClient.verifyTypedData({ ...typedData, address: ada.address, signature: again.signature })).toBe(true);

    const replay = await call("/send-transaction", ada.jwt, { to: f.chain.coordinatorAddress, data: withdrawal(inner) });
    expect(await errorOf(replay)).toMatchObject({ status: 422, code: "transaction_reverted" });
  });

  it("sends concurrent operations from one wallet one after the other, and sponsors gas when the account runs dry", async () => {
    const carol = await signedIn("carol@example.com");
    await f.chain.fundGas({ address: carol.address, wei: 0n });
    const to = (await f.newWallet()).account.address;
    const sent = await Promise.all([1, 2, 3, 4, 5].map((n) => send(carol.jwt, { to, value: String(n) })));
    expect(new Set(sent.map((s) => s.userOperationHash)).size).toBe(5);
    for (const { transactionHash } of sent) expect((await operationsIn(transactionHash!)).receipt.status).toBe("success");
    expect(await f.publicClient.getBalance({ address: to })).toBe(10n ** 19n + 15n);
  });

  it("with bundling held (manual), waits for the flush: two users' operations go out in one bundle", async () => {
    const [dan, fay] = [await signedIn("dan@example.com"), await signedIn("fay@example.com")];
    const to = (await f.newWallet()).account.address;
    await f.bundler!.setMode("manual");
    try {
      const sending = Promise.all([send(dan.jwt, { to, value: "7" }), send(fay.jwt, { to, value: "8" })]);
      await waitForMempool(2);
      expect(await f.publicClient.getBalance({ address: to })).toBe(10n ** 19n);
      await f.bundler!.flush();
      const [a, b] = await sending;
      expect(a.transactionHash).not.toBeNull();
      expect(b.transactionHash).toBe(a.transactionHash);
      const { operations } = await operationsIn(a.transactionHash!);
      expect(operations.map((o) => o.sender).sort()).toEqual([dan.address, fay.address].sort());
      expect(await f.publicClient.getBalance({ address: to })).toBe(10n ** 19n + 15n);
    } finally {
      await f.bundler!.setMode("auto");
    }
  });

  it("answers with the user-operation hash alone when the bundle does not come in time; the operation is bundled later", async () => {
    const gil = await signedIn("gil@example.com");
    const impatient = createSandboxSigner({ wallets, verifyToken: identity.verifyToken, chain: f.chain, bundler: f.bundler, inclusionTimeoutMs: 300, approvals }).app;
    const to = (await f.newWallet()).account.address;
    await f.bundler!.setMode("manual");
    try {
      const res = await impatient.request("/send-transaction", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${gil.jwt}` },
        body: JSON.stringify({ to, value: "9", approval: await emailApproval(gil.jwt) }),
      });
      const held = (await res.json()) as Sent;
      expect(held).toMatchObject({ transactionHash: null, hash: held.userOperationHash });
      await f.bundler!.flush();
      const { operations } = await operationsIn(await waitForOperation(held.userOperationHash));
      expect(operations).toEqual([expect.objectContaining({ sender: gil.address, success: true })]);
    } finally {
      await f.bundler!.setMode("auto");
    }
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

describe("approvals: the wallet signs only with one from the user's own signers", () => {
  const note = { types: { Note: [{ name: "text", type: "string" }] }, primaryType: "Note", domain: { name: "x" }, message: { text: "hi" } };
  const b64url = (bytes: ArrayBuffer) => Buffer.from(bytes).toString("base64url");

  it("refuses a bare sign-in token, and sends nothing", async () => {
    const eve = await signedIn("eve@example.com");
    const to = (await f.newWallet()).account.address;
    expect(await errorOf(await bare("/send-transaction", eve.jwt, { to, value: "5" }))).toEqual({ status: 403, code: "approval_required", field: "approval" });
    expect(await errorOf(await bare("/sign-typed-data", eve.jwt, { typedData: note }))).toEqual({ status: 403, code: "approval_required", field: "approval" });
    expect(await errorOf(await bare("/send-transaction", eve.jwt, { to, value: "5", approval: "made-up-approval-token" }))).toMatchObject({ code: "approval_required" });
    expect(await f.publicClient.getBalance({ address: to })).toBe(10n ** 19n);
  });

  it("never accepts another user's approval", async () => {
    const ada = await signedIn("ada@example.com");
    const mallory = await signedIn("mallory@example.com");
    const adas = await emailApproval(ada.jwt);
    expect(await errorOf(await bare("/sign-typed-data", mallory.jwt, { typedData: note, approval: adas }))).toMatchObject({ status: 403, code: "approval_required" });
  });

  it("takes a code once: wrong codes count down, a used code and a used approval are refused", async () => {
    const kim = await signedIn("kim@example.com");
    expect(await errorOf(await bare("/approvals/email/verify", kim.jwt, { code: "123456" }))).toMatchObject({ status: 400, code: "otp_not_requested" });
    await bare("/approvals/email", kim.jwt, {});
    const code = lastCode();
    expect(mailbox.at(-1)).toContain("kim@example.com");
    const wrong = code === "000000" ? "000001" : "000000";
    const refused = await bare("/approvals/email/verify", kim.jwt, { code: wrong });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { errors: { code: string; message: string }[] }).errors[0]).toMatchObject({ code: "otp_invalid", message: expect.stringContaining("4 attempt(s) left") });
    const ok = (await (await bare("/approvals/email/verify", kim.jwt, { code })).json()) as { approval: string };
    expect(await errorOf(await bare("/approvals/email/verify", kim.jwt, { code }))).toMatchObject({ status: 401, code: "otp_used" });
    expect((await bare("/sign-typed-data", kim.jwt, { typedData: note, approval: ok.approval })).status).toBe(200);
    expect(await errorOf(await bare("/sign-typed-data", kim.jwt, { typedData: note, approval: ok.approval }))).toMatchObject({ status: 403, code: "approval_used" });
    // The codes are listed for the sandbox page (the mailbox), by email.
    const listed = (await (await bare("/approvals/codes?email=kim@example.com", undefined)).json()) as { codes: { status: string }[] };
    expect(listed.codes[0]).toMatchObject({ status: "used" });
  });

  it("refuses an expired code, and an approval past its time", async () => {
    const lou = await signedIn("lou@example.com");
    await bare("/approvals/email", lou.jwt, {});
    const code = lastCode();
    clock = DEFAULT_APPROVAL_POLICY.codeTtlMs + 1;
    try {
      expect(await errorOf(await bare("/approvals/email/verify", lou.jwt, { code }))).toMatchObject({ status: 401, code: "otp_expired" });
    } finally {
      clock = 0;
    }
    const approval = await emailApproval(lou.jwt);
    clock = DEFAULT_APPROVAL_POLICY.grantTtlMs + 1;
    try {
      expect(await errorOf(await bare("/sign-typed-data", lou.jwt, { typedData: note, approval }))).toMatchObject({ status: 403, code: "approval_expired" });
    } finally {
      clock = 0;
    }
  });

  it("registers a device key after an email approval; its P-256 signature then approves, until it is removed", async () => {
    const max = await signedIn("max@example.com");
    const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"])) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey("jwk", keys.publicKey);
    const publicKey = { x: jwk.x!, y: jwk.y! };
    expect(await errorOf(await bare("/signers/device", max.jwt, { publicKey, name: "laptop", approval: "nope-not-an-approval" }))).toMatchObject({ status: 403, code: "approval_required" });
    const added = await bare("/signers/device", max.jwt, { publicKey, name: "laptop", approval: await emailApproval(max.jwt) });
    expect(added.status).toBe(201);
    const { device } = (await added.json()) as { device: { id: string } };
    const approveWith = async (key: CryptoKey) => {
      const { challenge, wallet } = (await (await bare("/approvals/device/challenge", max.jwt, {})).json()) as { challenge: string; wallet: string };
      const signature = b64url(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, new TextEncoder().encode(deviceApprovalMessage(challenge, wallet))));
      return bare("/approvals/device", max.jwt, { deviceId: device.id, challenge, signature });
    };
    const approved = (await (await approveWith(keys.privateKey)).json()) as { approval: string; via: string };
    expect(approved.via).toBe("device");
    expect((await bare("/sign-typed-data", max.jwt, { typedData: note, approval: approved.approval })).status).toBe(200);
    const stranger = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign"])) as CryptoKeyPair;
    expect(await errorOf(await approveWith(stranger.privateKey))).toMatchObject({ status: 401, code: "signature_invalid" });
    expect(((await (await bare("/signers", max.jwt)).json()) as { devices: { id: string }[] }).devices.map((d) => d.id)).toEqual([device.id]);
    expect((await bare("/signers/device/remove", max.jwt, { deviceId: device.id })).status).toBe(200);
    expect(await errorOf(await approveWith(keys.privateKey))).toMatchObject({ status: 401, code: "device_unknown" });
  });

  it("signs on the bare token only for a wallet whose admin signer is Crossmint's api-key (custodial, opt-in)", async () => {
    const { user, jwt } = await identity.signIn("opt-in@example.com");
    const created = await crossmint.request("/api/2025-06-09/wallets", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-KEY": API_KEY },
      body: JSON.stringify({ chainType: "evm", type: "smart", owner: `userId:${user.id}`, config: { adminSigner: { type: "api-key" } } }),
    });
    expect(created.status).toBe(201);
    expect((await bare("/sign-typed-data", jwt, { typedData: note })).status).toBe(200);
  });
});
