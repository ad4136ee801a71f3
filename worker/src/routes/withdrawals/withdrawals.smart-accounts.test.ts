import { env } from "cloudflare:test";
import type { Address, Hash } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, inject, it } from "vitest";
import type { Withdrawal } from "@machines-card/contract/api/withdrawals";
import { ENTRY_POINT_V07 } from "@machines-card/contract/abi";
import { expectOk } from "#test/helpers/api";
import { control, sandbox } from "#test/helpers/sandbox";
import { kycApplication, newEmail, signIn } from "#test/helpers/users";
import { reconcileWithdrawals } from "../../withdrawals/reconcile-withdrawals";
import { call, fundCollateral, sandboxUserId } from "#test/helpers/withdrawal-suites";
import { bundling, chainOf, sandboxWallet } from "#test/helpers/sandbox-wallet";

/**
 * Withdrawals from the user's smart account (an ERC-4337 account, as Crossmint's wallets are) through the
 * sandbox's real bundler: the facts the Worker must read on the real chain. The wallet is not deployed
 * until its first user operation; its transactions are `handleOps` bundles sent by the bundler to the
 * EntryPoint; one bundle can carry several users' withdrawals; the wallet may report the bundle's
 * transaction hash or its user operation's hash.
 *
 * Each user's collateral version is chosen for their wallet (not the sandbox-wide setting), so this file
 * runs beside the other withdrawal suites.
 */
const s = sandbox();
const chain = chainOf(s);
const UNITS_PER_CENT = 10_000n;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bundler = bundling(s);

interface Holder {
  token: string;
  wallet: ReturnType<typeof sandboxWallet>;
  address: Address;
}

/** A signed-in user with KYC and agreements done, whose collateral (funded) has the given version. */
async function holder(version: 1 | 2): Promise<Holder> {
  const email = newEmail("smart");
  const token = await signIn(email);
  const wallet = sandboxWallet(token, s);
  // The wallet exists (counterfactually) before the Worker's first call; its collateral version is set for it.
  const address = await wallet.address();
  await control(s, "PUT", `/collateral-versions/${address}`, { version });
  expectOk("submitKycApplication", await call("submitKycApplication", { token, body: kycApplication({ email }) }));
  expectOk("acceptAgreements", await call("acceptAgreements", { token, body: { accepted: true } }));
  await fundCollateral(await sandboxUserId(email), 100_000);
  return { token, wallet, address };
}

async function readyWithdrawal(h: Holder, amountCents: number, recipient: Address): Promise<Withdrawal> {
  const body = { amountCents, destination: { currency: "rusd", network: "base", address: recipient } };
  const idempotencyKey = crypto.randomUUID();
  let withdrawal = expectOk("createWithdrawal", await call("createWithdrawal", { token: h.token, body, idempotencyKey })).withdrawal;
  while (withdrawal.status === "pending") {
    await sleep(withdrawal.retryAfterSeconds! * 1000 + 100);
    withdrawal = expectOk("createWithdrawal", await call("createWithdrawal", { token: h.token, body, idempotencyKey })).withdrawal;
  }
  expect(withdrawal.status).toBe("ready");
  return withdrawal;
}

const prepare = (token: string, withdrawalId: string, body: object = {}) => call("prepareWithdrawal", { token, params: { withdrawalId }, body });
const submit = (token: string, withdrawalId: string, txHash: string) => call("submitWithdrawal", { token, params: { withdrawalId }, body: { txHash } });
const read = async (token: string, withdrawalId: string) => expectOk("getWithdrawal", await call("getWithdrawal", { token, params: { withdrawalId } })).withdrawal;

/** The call the wallet makes: at once for v1; for v2 after it signs the admin typed data (ERC-6492 while undeployed). */
async function transactionFor(h: Holder, w: Withdrawal) {
  let prepared = expectOk("prepareWithdrawal", await prepare(h.token, w.id));
  if (prepared.kind === "typedData") {
    const adminSignature = await h.wallet.signTypedData(prepared.typedData);
    prepared = expectOk("prepareWithdrawal", await prepare(h.token, w.id, { adminSalt: prepared.adminSalt, adminSignature }));
  }
  if (prepared.kind !== "transaction") throw new Error("expected a transaction");
  return prepared.transaction;
}

const newRecipient = () => privateKeyToAccount(generatePrivateKey()).address;

async function expectPaid(h: Holder, w: Withdrawal, recipient: Address, bundle: Hash) {
  const confirmed = await read(h.token, w.id);
  expect(confirmed).toMatchObject({ status: "confirmed", confirmedTxHash: bundle.toLowerCase() });
  expect(await chain.tokenBalance(w.call!.tokenAddress as Address, recipient)).toBe(BigInt(w.amountCents) * UNITS_PER_CENT);
  return confirmed;
}

describe("a fresh smart account", () => {
  it.each([1, 2] as const)("v%i: has no code until the withdrawal, which a bundle deploys and runs; confirmed by the bundle's hash", async (version) => {
    const h = await holder(version);
    const recipient = newRecipient();
    const w = await readyWithdrawal(h, 1_000, recipient);
    expect(w.adminAddress).toBe(h.address);
    expect(await chain.hasCode(h.address)).toBe(false);

    const tx = await transactionFor(h, w);
    expect(tx.from).toBe(h.address);
    const sent = await h.wallet.send({ to: tx.to, data: tx.data });
    expect(sent.transactionHash).not.toBeNull();
    expect(await chain.hasCode(h.address)).toBe(true);
    // The transaction on chain is the bundler's handleOps call to the EntryPoint, not the wallet's own.
    const onChain = await chain.transaction(sent.transactionHash!);
    expect(onChain.to?.toLowerCase()).toBe(ENTRY_POINT_V07.toLowerCase());
    expect(onChain.from.toLowerCase()).not.toBe(h.address.toLowerCase());
    expect(onChain.input.slice(0, 10)).toBe("0x765e827f"); // handleOps(PackedUserOperation[],address)

    const submitted = expectOk("submitWithdrawal", await submit(h.token, w.id, sent.transactionHash!)).withdrawal;
    expect(submitted).toMatchObject({ status: "confirmed", submittedTxHash: sent.transactionHash!.toLowerCase(), submittedHashKind: "transaction" });
    await expectPaid(h, w, recipient, sent.transactionHash!);
  });

  it("v2 again from the account once deployed: a plain ERC-1271 signature, no factory call in the operation", async () => {
    const h = await holder(2);
    const first = await readyWithdrawal(h, 500, newRecipient());
    const sent = await h.wallet.send(await transactionFor(h, first));
    expectOk("submitWithdrawal", await submit(h.token, first.id, sent.hash));
    expect(await chain.hasCode(h.address)).toBe(true);

    const recipient = newRecipient();
    const second = await readyWithdrawal(h, 600, recipient);
    const prepared = expectOk("prepareWithdrawal", await prepare(h.token, second.id));
    if (prepared.kind !== "typedData") throw new Error("v2 starts with typed data");
    const signature = await h.wallet.signTypedData(prepared.typedData);
    expect(signature).toMatch(/^0x[0-9a-f]{130}$/i); // 65 bytes: no ERC-6492 wrapper once deployed
    const tx = expectOk("prepareWithdrawal", await prepare(h.token, second.id, { adminSalt: prepared.adminSalt, adminSignature: signature }));
    if (tx.kind !== "transaction") throw new Error("then the transaction");
    const again = await h.wallet.send({ to: tx.transaction.to, data: tx.transaction.data });
    expectOk("submitWithdrawal", await submit(h.token, second.id, again.hash));
    await expectPaid(h, second, recipient, again.transactionHash!);
  });

  it("accepts the user operation's hash instead of the transaction's, and records which it was", async () => {
    const h = await holder(1);
    const recipient = newRecipient();
    const w = await readyWithdrawal(h, 1_200, recipient);
    const tx = await transactionFor(h, w);
    const sent = await h.wallet.send({ to: tx.to, data: tx.data });
    const submitted = expectOk("submitWithdrawal", await submit(h.token, w.id, sent.userOperationHash)).withdrawal;
    expect(submitted).toMatchObject({
      status: "confirmed",
      submittedTxHash: sent.userOperationHash.toLowerCase(),
      submittedHashKind: "user_operation",
      confirmedTxHash: sent.transactionHash!.toLowerCase(),
    });
    // Repeating either hash is harmless.
    expect(expectOk("submitWithdrawal", await submit(h.token, w.id, sent.userOperationHash)).withdrawal.status).toBe("confirmed");
    expect(expectOk("submitWithdrawal", await submit(h.token, w.id, sent.transactionHash!)).withdrawal.status).toBe("confirmed");
    await expectPaid(h, w, recipient, sent.transactionHash!);
  });

  it("refuses another wallet's user operation as this withdrawal's", async () => {
    const [h, other] = await Promise.all([holder(1), holder(1)]);
    const w = await readyWithdrawal(h, 900, newRecipient());
    const theirs = await readyWithdrawal(other, 900, newRecipient());
    const tx = await transactionFor(other, theirs);
    const sent = await other.wallet.send({ to: tx.to, data: tx.data });
    const refused = await submit(h.token, w.id, sent.userOperationHash);
    expect(refused.status).toBe(400);
    expect((await read(h.token, w.id)).status).toBe("ready");
  });
});

describe("one bundle, two users", () => {
  it("confirms both withdrawals of a bundle carrying two users' operations, each by its own log", async () => {
    const [ann, ben] = await Promise.all([holder(1), holder(2)]);
    const recipient = newRecipient(); // the same recipient and amount: only the collateral and the salt differ
    const [wa, wb] = await Promise.all([readyWithdrawal(ann, 700, recipient), readyWithdrawal(ben, 700, recipient)]);
    const [ta, tb] = await Promise.all([transactionFor(ann, wa), transactionFor(ben, wb)]);

    await bundler.hold();
    let sent: Awaited<ReturnType<Holder["wallet"]["send"]>>[];
    try {
      const sending = Promise.all([ann.wallet.send({ to: ta.to, data: ta.data }), ben.wallet.send({ to: tb.to, data: tb.data })]);
      await bundler.held(2, ENTRY_POINT_V07);
      await bundler.flush();
      sent = await sending;
    } finally {
      await bundler.release();
    }
    const bundle = sent[0]!.transactionHash!;
    expect(sent[1]!.transactionHash).toBe(bundle);

    expect(expectOk("submitWithdrawal", await submit(ann.token, wa.id, bundle)).withdrawal.status).toBe("confirmed");
    expect(expectOk("submitWithdrawal", await submit(ben.token, wb.id, bundle)).withdrawal.status).toBe("confirmed");
    const rows = await env.DB.prepare("SELECT id, status, confirmed_tx_hash, confirmed_log_index, confirmed_user_op_hash FROM withdrawals WHERE id IN (?1, ?2)")
      .bind(wa.id, wb.id)
      .all<{ id: string; status: string; confirmed_tx_hash: string; confirmed_log_index: number; confirmed_user_op_hash: string }>();
    expect(rows.results.map((r) => r.confirmed_tx_hash)).toEqual([bundle.toLowerCase(), bundle.toLowerCase()]);
    expect(new Set(rows.results.map((r) => r.confirmed_log_index)).size).toBe(2);
    expect(rows.results.map((r) => r.confirmed_user_op_hash).sort()).toEqual(sent.map((x) => x.userOperationHash.toLowerCase()).sort());
    expect(await chain.tokenBalance(wa.call!.tokenAddress as Address, recipient)).toBe(2n * 700n * UNITS_PER_CENT);
  });
});

describe("a reported hash is a candidate", () => {
  it("a hash the chain does not know does not park the withdrawal: it can be prepared and sent again, and the real hash confirms it", async () => {
    const h = await holder(1);
    const recipient = newRecipient();
    const w = await readyWithdrawal(h, 800, recipient);
    const nowhere = `0x${crypto.randomUUID().replace(/-/g, "").repeat(2)}` as Hash;
    expect(expectOk("submitWithdrawal", await submit(h.token, w.id, nowhere)).withdrawal).toMatchObject({
      status: "submitted",
      submittedTxHash: nowhere,
      submittedHashKind: null,
    });
    const tx = await transactionFor(h, w); // prepare works again
    const sent = await h.wallet.send({ to: tx.to, data: tx.data });
    expect(expectOk("submitWithdrawal", await submit(h.token, w.id, sent.transactionHash!)).withdrawal).toMatchObject({
      status: "confirmed",
      submittedTxHash: sent.transactionHash!.toLowerCase(),
    });
    await expectPaid(h, w, recipient, sent.transactionHash!);
  });

  it("a candidate that never runs is confirmed from the logs when the wallet's real operation executes it unreported", async () => {
    const h = await holder(2);
    const recipient = newRecipient();
    const w = await readyWithdrawal(h, 650, recipient);
    const tx = await transactionFor(h, w);
    expectOk("submitWithdrawal", await submit(h.token, w.id, `0x${"ab".repeat(32)}`));
    const sent = await h.wallet.send({ to: tx.to, data: tx.data });
    await expectPaid(h, w, recipient, sent.transactionHash!);
  });
});

describe("the Cron Trigger", () => {
  it("reads logs in windows an RPC accepts, and a row whose reads fail is backed off without stopping the others", async () => {
    const h = await holder(1);
    const [failing, unreported] = [await readyWithdrawal(h, 300, newRecipient()), await readyWithdrawal(h, 400, newRecipient())];
    // Row 1: a candidate hash whose reads the RPC fails. Row 2: sent, never reported, a few blocks back.
    const poisoned = `0x${"5e".repeat(32)}` as Hash;
    expectOk("submitWithdrawal", await submit(h.token, failing.id, poisoned));
    const tx = await transactionFor(h, unreported);
    await chain.mine(12); // the execution lies several windows of 3 blocks after the block the withdrawal became ready
    const sent = await h.wallet.send({ to: tx.to, data: tx.data });
    await chain.mine(12);

    const rpc = `${inject("rpcProxy")}/max-range/3/fail/${poisoned}`;
    const summary = await reconcileWithdrawals({ ...env, CHAIN_RPC_URL: rpc, CHAIN_LOGS_MAX_BLOCKS: "40" }, () => Date.now() + 700_000);
    expect(summary.chainUnavailable).toBe(false);
    expect(summary.erred).toBeGreaterThanOrEqual(1);

    const paid = await env.DB.prepare("SELECT status, confirmed_tx_hash FROM withdrawals WHERE id = ?1").bind(unreported.id).first();
    expect(paid).toEqual({ status: "confirmed", confirmed_tx_hash: sent.transactionHash!.toLowerCase() });
    const stamped = await env.DB.prepare("SELECT status, reconcile_error, reconcile_failures, next_reconcile_at_ms FROM withdrawals WHERE id = ?1")
      .bind(failing.id)
      .first<{ status: string; reconcile_error: string; reconcile_failures: number; next_reconcile_at_ms: number }>();
    expect(stamped).toMatchObject({ status: "submitted", reconcile_error: "chain_unavailable", reconcile_failures: 1 });
    expect(stamped!.next_reconcile_at_ms).toBeGreaterThan(Date.now() + 700_000);

    // Backing off: the next run leaves it alone; a chain that is down ends a run without stamping anyone.
    const again = await reconcileWithdrawals({ ...env, CHAIN_RPC_URL: rpc }, () => Date.now() + 700_000);
    expect(again.erred).toBe(0);
    const down = await reconcileWithdrawals({ ...env, CHAIN_RPC_URL: "http://127.0.0.1:9" }, () => Date.now() + 10_000_000);
    expect(down).toMatchObject({ chainUnavailable: true, erred: 0 });
  });
});
