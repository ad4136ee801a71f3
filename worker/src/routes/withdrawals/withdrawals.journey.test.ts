import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import type { Address, Hash } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, describe, expect, it } from "vitest";
import type { Withdrawal } from "@machines-card/contract/api/withdrawals";
import worker from "../../index";
import { expectError, expectOk } from "#test/helpers/api";
import { sandbox } from "#test/helpers/sandbox";
import { newUser, type TestUser } from "#test/helpers/users";
import { workerWith } from "#test/helpers/worker-with";
import { reconcileWithdrawals } from "../../withdrawals/reconcile-withdrawals";
import { call, fundCollateral, PATIENT_UPSTREAM_TIMEOUT_MS, patchSandboxSettings, patientWorker, type SandboxSettingsPatch, sandboxUserId } from "#test/helpers/withdrawal-suites";
import { chainOf, sandboxWallet } from "#test/helpers/sandbox-wallet";

/**
 * Withdrawals end to end through the Worker, against the sandbox: Machines simulator, and a real anvil
 * with the collateral contracts. The user's sandbox wallet signs and sends; the chain decides.
 * Tests in this file run one at a time (they switch the simulator's collateral version and encodings).
 */
const s = sandbox();
const chain = chainOf(s);
const UNITS_PER_CENT = 10_000n; // rUSD has 6 decimals
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Ready {
  user: TestUser;
  machinesUserId: string;
  recipient: Address;
  withdrawal: Withdrawal;
  wallet: ReturnType<typeof sandboxWallet>;
}

async function agreedUser(version: 1 | 2, settings: SandboxSettingsPatch = {}) {
  // The collateral version is fixed when the user is provisioned (their first request).
  await patchSandboxSettings({ collateralVersion: version, ...settings });
  const user = await newUser("agreed", { fetcher: patientWorker });
  const machinesUserId = await sandboxUserId(user.email);
  await fundCollateral(machinesUserId, 100_000);
  return { user, machinesUserId };
}

/** Creates a withdrawal with one key and follows it with that key until Machines says ready. */
async function createReady(token: string, amountCents: number, recipient: Address): Promise<Withdrawal> {
  const body = { amountCents, destination: { currency: "rusd", network: "base", address: recipient } };
  const idempotencyKey = crypto.randomUUID();
  let withdrawal = expectOk("createWithdrawal", await call("createWithdrawal", { token, body, idempotencyKey })).withdrawal;
  expect(withdrawal.status).toBe("pending");
  const id = withdrawal.id;
  while (withdrawal.status === "pending") {
    await sleep(withdrawal.retryAfterSeconds! * 1000 + 100);
    withdrawal = expectOk("createWithdrawal", await call("createWithdrawal", { token, body, idempotencyKey })).withdrawal;
  }
  expect(withdrawal).toMatchObject({ id, status: "ready" });
  return withdrawal;
}

async function readyWithdrawal(version: 1 | 2, settings: SandboxSettingsPatch = {}, amountCents = 1_000): Promise<Ready> {
  const { user, machinesUserId } = await agreedUser(version, settings);
  const recipient = privateKeyToAccount(generatePrivateKey()).address;
  const withdrawal = await createReady(user.token, amountCents, recipient);
  return { user, machinesUserId, recipient, withdrawal, wallet: sandboxWallet(user.token, s) };
}

const prepare = (token: string, withdrawalId: string, body: object = {}) => call("prepareWithdrawal", { token, params: { withdrawalId }, body });
const submit = (token: string, withdrawalId: string, txHash: string, fetcher?: (r: Request) => Promise<Response>) =>
  call("submitWithdrawal", { token, params: { withdrawalId }, body: { txHash }, fetcher });
const read = (token: string, withdrawalId: string, fetcher?: (r: Request) => Promise<Response>) =>
  call("getWithdrawal", { token, params: { withdrawalId }, fetcher });

/** The transaction for a ready withdrawal: directly (v1), or after the wallet signs the typed data (v2). */
async function transactionFor(r: Ready) {
  let prepared = expectOk("prepareWithdrawal", await prepare(r.user.token, r.withdrawal.id));
  if (prepared.kind === "typedData") {
    const adminSignature = await r.wallet.signTypedData(prepared.typedData);
    prepared = expectOk("prepareWithdrawal", await prepare(r.user.token, r.withdrawal.id, { adminSalt: prepared.adminSalt, adminSignature }));
  }
  if (prepared.kind !== "transaction") throw new Error("expected a transaction");
  return prepared.transaction;
}

async function expectPaid(r: Ready, txHash: Hash) {
  const confirmed = expectOk("getWithdrawal", await read(r.user.token, r.withdrawal.id)).withdrawal;
  const receipt = await chain.receipt(txHash);
  expect(receipt.status).toBe("success");
  expect(confirmed).toMatchObject({ status: "confirmed", submittedTxHash: txHash.toLowerCase(), confirmedTxHash: receipt.transactionHash.toLowerCase() });
  expect(await chain.tokenBalance(r.withdrawal.call!.tokenAddress as Address, r.recipient)).toBe(BigInt(r.withdrawal.amountCents) * UNITS_PER_CENT);
}

afterAll(async () => {
  await patchSandboxSettings({ collateralVersion: 2, saltEncoding: "base64", expiresAtEncoding: "number" });
});

describe("coordinator_v2", () => {
  it("signs the admin typed data, sends the 10-argument call to the coordinator, and confirms from the chain", async () => {
    const r = await readyWithdrawal(2);
    expect(r.withdrawal.execution).toMatchObject({ callPath: "coordinator_v2", contractVersion: 2, chainId: s.chainId });
    expect(r.withdrawal.call).toMatchObject({ amountNative: "10000000", recipient: r.recipient });

    const first = expectOk("prepareWithdrawal", await prepare(r.user.token, r.withdrawal.id));
    if (first.kind !== "typedData") throw new Error("v2 starts with typed data");
    expect(first.signer.toLowerCase()).toBe(r.withdrawal.adminAddress.toLowerCase());
    expect(first.typedData).toMatchObject({
      primaryType: "Withdraw",
      domain: { name: "Collateral", version: "2", chainId: s.chainId, verifyingContract: r.withdrawal.execution!.collateralProxyAddress, salt: first.adminSalt },
      message: { user: r.withdrawal.adminAddress, amount: "10000000", recipient: r.recipient, nonce: expect.stringMatching(/^\d+$/) },
    });

    const adminSignature = await r.wallet.signTypedData(first.typedData);
    const second = expectOk("prepareWithdrawal", await prepare(r.user.token, r.withdrawal.id, { adminSalt: first.adminSalt, adminSignature }));
    if (second.kind !== "transaction") throw new Error("then the transaction");
    expect(second.transaction).toMatchObject({ to: r.withdrawal.execution!.callTarget, from: r.withdrawal.adminAddress, value: "0x0", chainId: s.chainId });
    expect(second.transaction.to).not.toBe(r.withdrawal.execution!.collateralProxyAddress);
    expect(second.transaction.data.slice(0, 10)).toBe("0x4b268241");

    const hash = await r.wallet.sendTransaction({ to: second.transaction.to, data: second.transaction.data });
    const submitted = expectOk("submitWithdrawal", await submit(r.user.token, r.withdrawal.id, hash)).withdrawal;
    expect(submitted.submittedTxHash).toBe(hash.toLowerCase());
    await expectPaid(r, hash);
  });

  it("refuses an admin salt it did not issue, and a signature from another wallet", async () => {
    const r = await readyWithdrawal(2);
    const first = expectOk("prepareWithdrawal", await prepare(r.user.token, r.withdrawal.id));
    if (first.kind !== "typedData") throw new Error("v2 starts with typed data");
    const good = await r.wallet.signTypedData(first.typedData);
    const wrongSalt = `0x${"00".repeat(32)}`;
    expectError(await prepare(r.user.token, r.withdrawal.id, { adminSalt: wrongSalt, adminSignature: good }), 400, "invalid_request", "adminSalt");
    const stranger = privateKeyToAccount(generatePrivateKey());
    const forged = await stranger.signTypedData(first.typedData as never);
    expectError(await prepare(r.user.token, r.withdrawal.id, { adminSalt: first.adminSalt, adminSignature: forged }), 400, "invalid_request", "adminSignature");
    // A new prepare issues a new salt; the old one no longer works.
    const again = expectOk("prepareWithdrawal", await prepare(r.user.token, r.withdrawal.id));
    if (again.kind !== "typedData") throw new Error("typed data again");
    expect(again.adminSalt).not.toBe(first.adminSalt);
    expectError(await prepare(r.user.token, r.withdrawal.id, { adminSalt: first.adminSalt, adminSignature: good }), 400, "invalid_request", "adminSalt");
  });
});

describe("controller_v1", () => {
  it("sends the 7-argument call to the controller and confirms; a repeated submit is harmless, another hash is refused", async () => {
    const r = await readyWithdrawal(1);
    expect(r.withdrawal.execution).toMatchObject({ callPath: "controller_v1", contractVersion: 1 });
    const prepared = expectOk("prepareWithdrawal", await prepare(r.user.token, r.withdrawal.id));
    if (prepared.kind !== "transaction") throw new Error("v1 is a transaction at once");
    expect(prepared.transaction.data.slice(0, 10)).toBe("0xe167d26a");
    expect(prepared.transaction.to).toBe(r.withdrawal.execution!.callTarget);
    expectError(await prepare(r.user.token, r.withdrawal.id, { adminSalt: `0x${"11".repeat(32)}`, adminSignature: "0x1234" }), 400, "invalid_request", "adminSalt");

    const hash = await r.wallet.sendTransaction({ to: prepared.transaction.to, data: prepared.transaction.data });
    expectOk("submitWithdrawal", await submit(r.user.token, r.withdrawal.id, hash));
    expectOk("submitWithdrawal", await submit(r.user.token, r.withdrawal.id, hash));
    expectError(await submit(r.user.token, r.withdrawal.id, `0x${"cd".repeat(32)}`), 409, "invalid_state");
    await expectPaid(r, hash);
    expectError(await prepare(r.user.token, r.withdrawal.id), 409, "invalid_state");
  });

  it("refuses a hash of a transaction that is not this withdrawal's", async () => {
    const r = await readyWithdrawal(1);
    const { txHash: mint } = await fundCollateral(r.machinesUserId, 100);
    expectError(await submit(r.user.token, r.withdrawal.id, mint!), 400, "invalid_request", "txHash");
    expect(expectOk("getWithdrawal", await read(r.user.token, r.withdrawal.id)).withdrawal.status).toBe("ready");
  });
});

describe("every encoding Machines uses for the salt and the expiry", () => {
  it.each([
    { saltEncoding: "base64", expiresAtEncoding: "number", version: 1 },
    { saltEncoding: "hex", expiresAtEncoding: "string", version: 2 },
    { saltEncoding: "bytes", expiresAtEncoding: "iso", version: 1 },
  ] as const)("$saltEncoding salt, $expiresAtEncoding expiry (v$version): executes on chain", async ({ version, ...encodings }) => {
    const r = await readyWithdrawal(version, encodings);
    const tx = await transactionFor(r);
    const hash = await r.wallet.sendTransaction({ to: tx.to, data: tx.data });
    expectOk("submitWithdrawal", await submit(r.user.token, r.withdrawal.id, hash));
    await expectPaid(r, hash);
  });
});

describe("failures and the chain's own clock", () => {
  it("refuses to prepare a call that can no longer succeed, and records a reverted transaction as failed with the contract's reason", async () => {
    await patchSandboxSettings({ saltEncoding: "base64", expiresAtEncoding: "number" });
    const { user } = await agreedUser(1);
    const recipient = privateKeyToAccount(generatePrivateKey()).address;
    // Two withdrawals signed at the same collateral nonce: once one runs, the other's signature is stale.
    const [a, b] = await Promise.all([createReady(user.token, 1_000, recipient), createReady(user.token, 1_500, recipient)]);
    const wallet = sandboxWallet(user.token, s);
    const txA = await transactionFor({ user, machinesUserId: "", recipient, withdrawal: a, wallet });
    const txB = await transactionFor({ user, machinesUserId: "", recipient, withdrawal: b, wallet });
    const hashA = await wallet.sendTransaction({ to: txA.to, data: txA.data });
    expectOk("submitWithdrawal", await submit(user.token, a.id, hashA));

    expectError(await prepare(user.token, b.id), 409, "invalid_state");
    const hashB = await chain.sendUnchecked({ from: txB.from as Address, to: txB.to as Address, data: txB.data as `0x${string}` });
    expect((await chain.receipt(hashB)).status).toBe("reverted");
    expectOk("submitWithdrawal", await submit(user.token, b.id, hashB));
    const failed = expectOk("getWithdrawal", await read(user.token, b.id)).withdrawal;
    expect(failed).toMatchObject({ status: "failed", submittedTxHash: hashB.toLowerCase(), confirmedTxHash: null });
    expect(failed.failureReason).toContain("Invalid signature"); // Rain's v1 revert string: the nonce moved on
    expect(expectOk("getWithdrawal", await read(user.token, a.id)).withdrawal.status).toBe("confirmed");
  });

  it("expires a signature that ran out before anything was sent", async () => {
    const r = await readyWithdrawal(2);
    // The Cron Trigger's work, with its clock moved past the signature's expiry.
    await reconcileWithdrawals(env, () => Date.now() + 700_000);
    const expired = expectOk("getWithdrawal", await read(r.user.token, r.withdrawal.id)).withdrawal;
    expect(expired).toMatchObject({ status: "expired", submittedTxHash: null, confirmedTxHash: null });
    expect(expired.failureReason).toMatch(/expired/);
    expectError(await prepare(r.user.token, r.withdrawal.id), 409, "withdrawal_expired");
    expectError(await submit(r.user.token, r.withdrawal.id, `0x${"ab".repeat(32)}`), 409, "invalid_state");
  });

  it("keeps a dropped transaction submitted, then expires it once the signature can no longer run", async () => {
    const r = await readyWithdrawal(1);
    const dropped = `0x${crypto.randomUUID().replace(/-/g, "").repeat(2)}`;
    expect(expectOk("submitWithdrawal", await submit(r.user.token, r.withdrawal.id, dropped)).withdrawal.status).toBe("submitted");
    expect(expectOk("getWithdrawal", await read(r.user.token, r.withdrawal.id)).withdrawal.status).toBe("submitted");
    await reconcileWithdrawals(env, () => Date.now() + 300_000);
    expect(expectOk("getWithdrawal", await read(r.user.token, r.withdrawal.id)).withdrawal.status).toBe("submitted");
    await reconcileWithdrawals(env, () => Date.now() + 1_000_000);
    const expired = expectOk("getWithdrawal", await read(r.user.token, r.withdrawal.id)).withdrawal;
    expect(expired).toMatchObject({ status: "expired", failureReason: "the transaction was not mined before the signature expired" });
  });

  it("finds a transaction that was sent but never reported, from the chain's logs", async () => {
    const r = await readyWithdrawal(1);
    const tx = await transactionFor(r);
    const hash = await r.wallet.sendTransaction({ to: tx.to, data: tx.data });
    expect(expectOk("getWithdrawal", await read(r.user.token, r.withdrawal.id)).withdrawal.status).toBe("ready");
    await reconcileWithdrawals(env, () => Date.now() + 700_000);
    const confirmed = expectOk("getWithdrawal", await read(r.user.token, r.withdrawal.id)).withdrawal;
    expect(confirmed).toMatchObject({ status: "confirmed", submittedTxHash: null, confirmedTxHash: hash.toLowerCase() });
  });
});

describe("the chain RPC down", () => {
  it("records the hash anyway, answers chain_unavailable meanwhile, and the Cron Trigger confirms it once the chain is back", async () => {
    const r = await readyWithdrawal(1);
    const tx = await transactionFor(r);
    const hash = await r.wallet.sendTransaction({ to: tx.to, data: tx.data });
    const down = workerWith({ CHAIN_RPC_URL: "http://127.0.0.1:9", UPSTREAM_TIMEOUT_MS: PATIENT_UPSTREAM_TIMEOUT_MS });

    expectError(await call("prepareWithdrawal", { token: r.user.token, params: { withdrawalId: r.withdrawal.id }, body: {}, fetcher: down }), 502, "chain_unavailable");
    const submitted = expectOk("submitWithdrawal", await submit(r.user.token, r.withdrawal.id, hash, down)).withdrawal;
    expect(submitted).toMatchObject({ status: "submitted", submittedTxHash: hash.toLowerCase() });
    expectError(await read(r.user.token, r.withdrawal.id, down), 502, "chain_unavailable");

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const row = await env.DB.prepare("SELECT status, confirmed_tx_hash FROM withdrawals WHERE id = ?1").bind(r.withdrawal.id).first();
    expect(row).toEqual({ status: "confirmed", confirmed_tx_hash: hash.toLowerCase() });
    await expectPaid(r, hash);
  });
});
