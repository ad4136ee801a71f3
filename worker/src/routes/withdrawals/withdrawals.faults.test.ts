import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "#test/helpers/api";
import { controls, withdrawalsFaultSandbox } from "#test/helpers/sandbox";
import { newUser, type TestUser } from "#test/helpers/users";
import { workerFor } from "#test/helpers/worker-with";
import { fundCollateral, listFaults, patientWorkerFor, sandboxUserId, sandboxWithdrawals } from "#test/helpers/withdrawal-suites";

/**
 * Machines misbehaving (this file's own sandbox: fault rules are global to a sandbox). Whatever the
 * fault, the Worker answers with its own code, and a retry with the same Idempotency-Key never makes a
 * second withdrawal at Machines.
 */
const s = withdrawalsFaultSandbox();
// Patient (10 s) except where the test is the timeout itself, so a loaded machine cannot fake a fault.
const fetcher = patientWorkerFor(s);
const hasty = workerFor(s);
const faults = controls(s);
const DESTINATION = { currency: "rusd", network: "base", address: "0x3333333333333333333333333333333333333333" };
const body = { amountCents: 1_000, destination: DESTINATION };

async function fundedUser(): Promise<TestUser & { machinesUserId: string }> {
  const user = await newUser("agreed", { sandbox: s, fetcher });
  const machinesUserId = await sandboxUserId(user.email, s);
  await fundCollateral(machinesUserId, 100_000, s);
  return { ...user, machinesUserId };
}

const create = (token: string, idempotencyKey: string, via = fetcher) => call("createWithdrawal", { token, body, idempotencyKey, fetcher: via });

beforeAll(async () => {
  await faults.clearFaults();
});
afterEach(async () => {
  await faults.clearFaults();
});

describe("upstream faults on create", () => {
  it("answers 502 upstream_unavailable on 5xx, keeps the withdrawal, and a retry with the key makes one withdrawal", async () => {
    const user = await fundedUser();
    const key = crypto.randomUUID();
    // Two: the Worker retries a keyed write once on 5xx.
    await faults.addFault({ method: "POST", path: "/withdrawals", kind: "error", status: 503, times: 2 });
    expectError(await create(user.token, key), 502, "upstream_unavailable");
    expect(await sandboxWithdrawals(user.machinesUserId, s)).toHaveLength(0);

    const retried = expectOk("createWithdrawal", await create(user.token, key)).withdrawal;
    expect(retried.status).toBe("pending");
    const again = expectOk("createWithdrawal", await create(user.token, key)).withdrawal;
    expect(again.id).toBe(retried.id);
    expect(await sandboxWithdrawals(user.machinesUserId, s)).toHaveLength(1);
    expect(expectOk("listWithdrawals", await call("listWithdrawals", { token: user.token, fetcher })).withdrawals.map((w) => w.id)).toEqual([retried.id]);
  });

  it("answers 504 upstream_timeout when Machines is too slow, and the retry reaches the withdrawal Machines made meanwhile", async () => {
    const user = await fundedUser();
    const key = crypto.randomUUID();
    await faults.addFault({ method: "POST", path: "/withdrawals", kind: "latency", latencyMs: 3_500, times: 1 });
    expectError(await create(user.token, key, hasty), 504, "upstream_timeout");
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the slow request completes at Machines
    expect(await sandboxWithdrawals(user.machinesUserId, s)).toHaveLength(1);
    expectOk("createWithdrawal", await create(user.token, key));
    expect(await sandboxWithdrawals(user.machinesUserId, s)).toHaveLength(1);
  });

  it("answers 502 upstream_invalid_response to an unreadable reply, and the retry finds the withdrawal it created", async () => {
    const user = await fundedUser();
    const key = crypto.randomUUID();
    await faults.addFault({ method: "POST", path: "/withdrawals", kind: "malformed", times: 1 });
    expectError(await create(user.token, key), 502, "upstream_invalid_response");
    expect(await sandboxWithdrawals(user.machinesUserId, s)).toHaveLength(1);
    expect(expectOk("createWithdrawal", await create(user.token, key)).withdrawal.status).toBe("pending");
    expect(await sandboxWithdrawals(user.machinesUserId, s)).toHaveLength(1);
  });

  it("answers 503 upstream_rate_limited with Retry-After on 429, then succeeds with the same key", async () => {
    const user = await fundedUser();
    const key = crypto.randomUUID();
    await faults.addFault({ method: "POST", path: "/withdrawals", kind: "rate_limit", retryAfterSeconds: 7, times: 1 });
    const limited = await create(user.token, key);
    expectError(limited, 503, "upstream_rate_limited");
    expect(limited.headers.get("Retry-After")).toBe("7");
    expectOk("createWithdrawal", await create(user.token, key));
    expect(await sandboxWithdrawals(user.machinesUserId, s)).toHaveLength(1);
  });

  it("keeps a pending withdrawal through a fault while following it, then reaches ready with the same key", async () => {
    const user = await fundedUser();
    const key = crypto.randomUUID();
    const first = expectOk("createWithdrawal", await create(user.token, key)).withdrawal;
    await new Promise((resolve) => setTimeout(resolve, first.retryAfterSeconds! * 1000 + 200));
    await faults.addFault({ method: "POST", path: "/withdrawals", kind: "error", status: 500, times: 2 });
    expectError(await create(user.token, key), 502, "upstream_unavailable");
    const ready = expectOk("createWithdrawal", await create(user.token, key)).withdrawal;
    expect(ready).toMatchObject({ id: first.id, status: "ready" });
    expect(await sandboxWithdrawals(user.machinesUserId, s)).toHaveLength(1);
  });
});

describe("concurrent duplicates", () => {
  it("sends fifty concurrent creates with one key to Machines as one withdrawal, even while Machines is slow", async () => {
    const user = await fundedUser();
    const key = crypto.randomUUID();
    await faults.addFault({ method: "POST", path: "/withdrawals", kind: "latency", latencyMs: 600 });
    const replies = await Promise.all(Array.from({ length: 50 }, () => create(user.token, key)));
    const ids = new Set(replies.map((reply) => expectOk("createWithdrawal", reply).withdrawal.id));
    expect(ids.size).toBe(1);
    const upstream = await sandboxWithdrawals(user.machinesUserId, s);
    expect(upstream).toHaveLength(1);
    const [fault] = await listFaults(s);
    expect(fault?.hits).toBe(1);
  });
});
