import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { softAuthenticator } from "#demo/wallets/signer/testing/soft-authenticator";
import { Journey } from "../load/api-journey";
import { startStack, type RunningStack } from "../stack";

/**
 * A stolen sign-in token (an XSS, a hostile third-party script, a phished sign-in code) in the default
 * signer mode: the script holds only the user's JWT and calls the Worker and the sandbox wallet
 * directly, the way it would call Crossmint's. It can create and prepare a withdrawal to its own
 * address, but the wallet signs nothing without the user's approval (the code emailed to them), a
 * signature of its own making or a made-up hash gets nowhere, and nothing moves.
 */
let stack: RunningStack;
let victim: Journey;

beforeAll(async () => {
  stack = await startStack();
  victim = new Journey({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl });
  await victim.signIn();
  await victim.passKyc();
  await victim.acceptAgreements();
  await victim.deposit();
}, 240_000);
afterAll(() => stack?.stop());

describe("a script holding only the user's token (email signer mode, the default; passkey mode)", () => {
  it("cannot get the wallet to sign or send a withdrawal to itself, and nothing moves", async () => {
    const token = victim.token;
    const worker = victim.worker;
    const thief = privateKeyToAccount(generatePrivateKey()).address;
    const wallet = (path: string, body: unknown) =>
      fetch(`${stack.sandboxUrl}/sandbox/wallet${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const refusal = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { errors: { code: string }[] }).errors[0]!.code });

    const spendingBefore = (await worker.ok("getBalances", { token })).spendingPower;
    const body = { amountCents: 1000, destination: { currency: "rusd", network: "base", address: thief } };
    const created = await worker.ok("createWithdrawal", { token, body, idempotencyKey: crypto.randomUUID() });
    const withdrawalId = created.withdrawal.id;
    await victim.waitUntil("the withdrawal to be ready", () => worker.ok("getWithdrawal", { token, params: { withdrawalId } }), (w) => w.withdrawal.status !== "pending");
    let prepared = await worker.ok("prepareWithdrawal", { token, params: { withdrawalId }, body: {} });

    if (prepared.kind === "typedData") {
      expect(await refusal(await wallet("/sign-typed-data", { typedData: prepared.typedData }))).toEqual({ status: 403, code: "approval_required" });
      // A signature of its own making does not pass the Worker's check of the admin signature.
      const forged = await privateKeyToAccount(generatePrivateKey()).signTypedData(prepared.typedData as never);
      const reply = await worker.call("prepareWithdrawal", { token, params: { withdrawalId }, body: { adminSalt: prepared.adminSalt, adminSignature: forged } });
      expect(reply.status).toBeGreaterThanOrEqual(400);
    } else {
      expect(prepared.kind).toBe("transaction");
      const tx = prepared.kind === "transaction" ? prepared.transaction : null;
      expect(await refusal(await wallet("/send-transaction", { to: tx!.to, data: tx!.data }))).toEqual({ status: 403, code: "approval_required" });
      expect(await refusal(await wallet("/send-transaction", { to: tx!.to, data: tx!.data, approval: "guessed" }))).toEqual({ status: 403, code: "approval_required" });
    }
    // Asking for a code sends it to the user's inbox, never to the caller.
    const sent = await wallet("/approvals/email", {});
    expect(JSON.stringify(await sent.json())).not.toMatch(/"\d{6}"/);
    // Guessing burns the code after a few tries.
    for (let i = 0; i < 5; i++) await wallet("/approvals/email/verify", { code: String(100000 + i) });
    expect((await refusal(await wallet("/approvals/email/verify", { code: "999999" }))).code).toMatch(/otp_attempts_exceeded|otp_invalid/);

    const ready = await worker.ok("getWithdrawal", { token, params: { withdrawalId } });
    expect(ready.withdrawal.status).toBe("ready");
    expect(ready.withdrawal.submittedTxHash ?? null).toBeNull();

    // A made-up hash is taken as "submitted" (a real one may not be mined yet), but it is no withdrawal:
    // the Worker only confirms what the chain shows, so it never becomes confirmed.
    const bogus = `0x${"ab".repeat(32)}`;
    await worker.call("submitWithdrawal", { token, params: { withdrawalId }, body: { txHash: bogus } });
    await new Promise((r) => setTimeout(r, 3000));
    const after = await worker.ok("getWithdrawal", { token, params: { withdrawalId } });
    expect(after.withdrawal.status).not.toBe("confirmed");
    expect(after.withdrawal.confirmedTxHash ?? null).toBeNull();
    // Machines saw no payout, and the collateral is all there.
    const machines = await victim.sandbox.user(await victim.sandbox.machinesUserId(victim.email));
    expect(machines.withdrawals.filter((w) => w.executedTxHash)).toEqual([]);
    expect((await worker.ok("getBalances", { token })).spendingPower).toBe(spendingBefore);
  }, 120_000);

  it("in passkey mode, cannot add its own passkey (that needs the emailed code) nor approve without one", async () => {
    const token = victim.token;
    const wallet = async (path: string, body?: unknown) => {
      const res = await fetch(`${stack.sandboxUrl}/sandbox/wallet${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as { errors?: { code: string }[]; challenge?: string; passkeys?: unknown[] } };
    };
    const thief = privateKeyToAccount(generatePrivateKey()).address;
    // The thief's own authenticator, on a page it controls on an allowed origin.
    const key = await softAuthenticator({ rpId: "localhost", origin: "http://localhost:4000" });
    const { body: issued } = await wallet("/signers/passkey/challenge", {});
    const credential = await key.create(issued.challenge!);
    for (const approval of ["guessed", ""]) {
      const added = await wallet("/signers/passkey", { challenge: issued.challenge, rpId: "localhost", name: "thief", approval, credential });
      expect(added.status).toBe(403);
      expect(added.body.errors![0]!.code).toBe("approval_required");
    }
    expect((await wallet("/signers")).body.passkeys).toEqual([]);
    // No passkey on the wallet: no approval challenge to answer, and a made-up one is refused.
    const asked = await wallet("/approvals/passkey/challenge", { operation: "send-transaction", to: thief, data: "0x" });
    expect(asked.status).toBe(404);
    const madeUp = "A".repeat(64);
    const answered = await wallet("/approvals/passkey", { challenge: madeUp, ...(await key.get(madeUp)) });
    expect(answered.body.errors![0]!.code).toBe("challenge_invalid");
  });
});
