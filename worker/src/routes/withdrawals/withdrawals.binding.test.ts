import { env } from "cloudflare:test";
import type { Address } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterEach, describe, expect, inject, it } from "vitest";
import type { Withdrawal } from "@machines-card/contract/api/withdrawals";
import { expectError, expectOk, type ApiReply } from "#test/helpers/api";
import { controls, type FaultRule } from "#test/helpers/sandbox";
import { sandboxWallet } from "#test/helpers/sandbox-wallet";
import { newUser, type TestUser } from "#test/helpers/users";
import { workerWith } from "#test/helpers/worker-with";
import { call, fundCollateral, PATIENT_UPSTREAM_TIMEOUT_MS, patientWorker, sandboxUserId, sandboxWithdrawals } from "#test/helpers/withdrawal-suites";

/**
 * A Machines that answers wrongly (issue 11): what the Worker asks is rewritten on the way (the proxy in
 * worker/test/machines-proxy.ts, so the simulator legitimately prepares the wrong withdrawal), or the
 * simulator's reply is (its `rewrite` faults, scoped to one test user). Each time the Worker refuses with
 * its own code and the field, hands the wallet nothing to sign, nothing is paid, and D1 keeps no
 * half-written withdrawal (still pending, no call parameters).
 */
const proxy = inject("machinesProxy");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const through = (rules: string) => workerWith({ MACHINES_API_BASE: `${proxy.url}${rules}${proxy.apiPath}`, UPSTREAM_TIMEOUT_MS: PATIENT_UPSTREAM_TIMEOUT_MS });
const newRecipient = (): Address => privateKeyToAccount(generatePrivateKey()).address;

const added: string[] = [];
afterEach(async () => {
  for (const id of added.splice(0)) await controls().removeFault(id).catch(() => undefined);
});

async function fundedUser(): Promise<TestUser & { machinesUserId: string; partnerUserId: string }> {
  const user = await newUser("agreed", { fetcher: patientWorker });
  const machinesUserId = await sandboxUserId(user.email);
  await fundCollateral(machinesUserId, 100_000);
  const partnerUserId = expectOk("getMe", await call("getMe", { token: user.token })).user.id;
  return { ...user, machinesUserId, partnerUserId };
}

async function rewriteReady(partnerUserId: string, set: Record<string, unknown>) {
  const rule: FaultRule = { method: "POST", path: "/withdrawals", kind: "rewrite", userId: partnerUserId, rewrite: { set } };
  added.push((await controls().addFault(rule)).id);
}

interface Destination {
  currency: string;
  network: string;
  address: string;
}

/** Creates with one key and follows it with that key until Machines' ready reply is judged: the last reply. */
async function createUntilJudged(token: string, destination: Destination, fetcher = patientWorker): Promise<{ reply: ApiReply; id: string }> {
  const body = { amountCents: 1_000, destination };
  const idempotencyKey = crypto.randomUUID();
  let reply = await call("createWithdrawal", { token, body, idempotencyKey, fetcher });
  const first = expectOk("createWithdrawal", reply).withdrawal;
  let withdrawal: Withdrawal | null = first;
  while (withdrawal?.status === "pending") {
    await sleep(withdrawal.retryAfterSeconds! * 1000 + 100);
    reply = await call("createWithdrawal", { token, body, idempotencyKey, fetcher });
    withdrawal = reply.status === 201 || reply.status === 200 ? expectOk("createWithdrawal", reply).withdrawal : null;
  }
  return { reply, id: first.id };
}

/** Refused, unsignable, unpaid, and D1 holds the withdrawal as it was before Machines' ready reply. */
async function expectRefused(user: TestUser & { machinesUserId: string }, judged: { reply: ApiReply; id: string }, code: string, field: string) {
  const error = expectError(judged.reply, 502, code);
  expect(error.errors[0]).toMatchObject({ code, field });
  expect(error.errors[0]!.message).toMatch(/nothing was signed/);
  expectError(await call("prepareWithdrawal", { token: user.token, params: { withdrawalId: judged.id }, body: {} }), 409, "invalid_state");
  const row = await env.DB.prepare("SELECT status, amount_native, recipient, executor_signature, lease_id FROM withdrawals WHERE id = ?").bind(judged.id).first();
  expect(row).toEqual({ status: "pending", amount_native: null, recipient: null, executor_signature: null, lease_id: null });
  expect((await sandboxWithdrawals(user.machinesUserId)).every((w) => w.executedTxHash === null)).toBe(true);
}

describe("a ready withdrawal is bound to the request before any wallet is asked", () => {
  it("refuses ten times the amount asked for (the request rewritten on the way): withdrawal_amount_mismatch, field amount", async () => {
    const user = await fundedUser();
    const judged = await createUntilJudged(user.token, { currency: "rusd", network: "base", address: newRecipient() }, through("/amount-times/10"));
    expect((await sandboxWithdrawals(user.machinesUserId)).map((w) => w.amountCents)).toEqual([10_000]);
    await expectRefused(user, judged, "withdrawal_amount_mismatch", "amount");
  });

  it("refuses a payment to another address than the destination (the request rewritten): withdrawal_destination_mismatch, field recipient", async () => {
    const user = await fundedUser();
    const judged = await createUntilJudged(user.token, { currency: "rusd", network: "base", address: newRecipient() }, through(`/destination/${newRecipient()}`));
    await expectRefused(user, judged, "withdrawal_destination_mismatch", "recipient");
  });

  it("refuses another token than the collateral's: withdrawal_asset_mismatch, field asset", async () => {
    const user = await fundedUser();
    await rewriteReady(user.partnerUserId, { "data.parameters.1": "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913" });
    const judged = await createUntilJudged(user.token, { currency: "rusd", network: "base", address: newRecipient() });
    await expectRefused(user, judged, "withdrawal_asset_mismatch", "asset");
  });

  it("refuses a call target that is not the sandbox's controller or coordinator: withdrawal_call_target_mismatch, field callTarget", async () => {
    const user = await fundedUser();
    await rewriteReady(user.partnerUserId, { "data.execution.callTarget": newRecipient() });
    const judged = await createUntilJudged(user.token, { currency: "rusd", network: "base", address: newRecipient() });
    await expectRefused(user, judged, "withdrawal_call_target_mismatch", "callTarget");
  });

  it("refuses a relay that pays out to someone else (pay-in address unchanged): withdrawal_destination_mismatch, field relay.payoutAddress", async () => {
    const user = await fundedUser();
    await rewriteReady(user.partnerUserId, { "data.relay.payoutAddress": newRecipient() });
    const judged = await createUntilJudged(user.token, { currency: "usdc", network: "base", address: newRecipient() });
    await expectRefused(user, judged, "withdrawal_destination_mismatch", "relay.payoutAddress");
  });

  it("keeps and shows an honest relay: its pay-in address as the recipient, its payout the destination", async () => {
    const user = await fundedUser();
    const address = newRecipient();
    const judged = await createUntilJudged(user.token, { currency: "usdc", network: "base", address });
    const withdrawal = expectOk("createWithdrawal", judged.reply).withdrawal;
    expect(withdrawal.status).toBe("ready");
    expect(withdrawal.relay).toMatchObject({ payoutAddress: address, toCurrency: "usdc", toNetwork: "base" });
    expect(withdrawal.call!.recipient.toLowerCase()).toBe(withdrawal.relay!.payinAddress.toLowerCase());
  });

  it("refuses a call that would revert (the executor signature rewritten): no transaction is handed out, nothing is paid", async () => {
    const user = await fundedUser();
    await rewriteReady(user.partnerUserId, { "data.parameters.6": `0x${"11".repeat(65)}` });
    const judged = await createUntilJudged(user.token, { currency: "rusd", network: "base", address: newRecipient() });
    const withdrawal = expectOk("createWithdrawal", judged.reply).withdrawal;
    expect(withdrawal.status).toBe("ready");
    const params = { withdrawalId: withdrawal.id };
    let prepared = await call("prepareWithdrawal", { token: user.token, params, body: {} });
    if (prepared.status === 200 && expectOk("prepareWithdrawal", prepared).kind === "typedData") {
      // coordinator_v2: the admin signs its own typed data (what it commits to is the signed amount and recipient)
      const typed = expectOk("prepareWithdrawal", prepared);
      if (typed.kind !== "typedData") throw new Error("expected typed data");
      const adminSignature = await sandboxWallet(user.token).signTypedData(typed.typedData);
      prepared = await call("prepareWithdrawal", { token: user.token, params, body: { adminSalt: typed.adminSalt, adminSignature } });
    }
    expect(prepared.status).toBeGreaterThanOrEqual(400);
    expect(prepared.body).not.toHaveProperty("data.transaction");
    expect((await sandboxWithdrawals(user.machinesUserId)).every((w) => w.executedTxHash === null)).toBe(true);
  });
});
