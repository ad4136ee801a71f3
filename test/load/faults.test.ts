import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startStack, type RunningStack } from "../stack";
import { Journey } from "./api-journey";
import { checkConsistency } from "./consistency";
import { openLocalD1 } from "./local-d1";
import { createSandboxClient, type FaultRule, type SandboxClient } from "../support/sandbox/sandbox-client";
import { startSwitchableProxy, type SwitchableProxy } from "./switchable-proxy";
import { createWorkerClient, errorCodeOf, type WorkerReply } from "../support/sandbox/worker-client";

/**
 * Whole journeys while things break, against the Worker under `wrangler dev` (the route-level fault
 * tests live beside the routes, inside workerd). Here: many people at once while Machines fails at
 * random, and many withdrawals reported while the chain's RPC is down. The Worker must answer with its
 * own codes, a client that retries what the Worker says is retryable must end with exactly one of
 * everything, and no reported transaction may be lost once the fault clears.
 */
const UPSTREAM_CODES = new Set(["upstream_unavailable", "upstream_invalid_response", "upstream_rate_limited", "upstream_timeout", "chain_unavailable"]);
let stack: RunningStack;
let rpc: SwitchableProxy;
let sandbox: SandboxClient;

beforeAll(async () => {
  // The Worker reaches the chain through a proxy the test can switch off (the wallet and the sandbox do not).
  rpc = await startSwitchableProxy();
  stack = await startStack({ workerVars: { CHAIN_RPC_URL: rpc.url, UPSTREAM_TIMEOUT_MS: "4000" } });
  rpc.target = new URL(stack.rpcUrl);
  sandbox = createSandboxClient({ sandboxUrl: stack.sandboxUrl });
}, 120_000);

afterEach(async () => {
  rpc.up();
  await sandbox.clearFaults();
});

afterAll(async () => {
  await stack?.stop();
  await rpc?.close();
});

/** A client that does what the widget does with the Worker's upstream codes: wait (Retry-After) and send the same request again. */
function retryingClient(seen: WorkerReply[]) {
  return createWorkerClient(stack.workerUrl, {
    retry: {
      attempts: 12,
      retryable: (reply) => UPSTREAM_CODES.has(errorCodeOf(reply) ?? ""),
      onRetry: (reply) => seen.push(reply),
    },
  });
}

async function consistent(journeys: Journey[], auditedActions?: string[]) {
  const db = openLocalD1(stack.worker.persistTo);
  try {
    return await checkConsistency({ completed: journeys, db, sandbox, worker: createWorkerClient(stack.workerUrl), faults: true, auditedActions });
  } finally {
    db.close();
  }
}

describe("Machines failing at random while ten people go through the journey", () => {
  it("every failure is the Worker's own code in the envelope, and retried requests make one card, deposit and withdrawal each", async () => {
    // Before the request is handled (nothing happens at Machines): 5xx, 429, slowness. After it (the change
    // happened, the reply is lost): unreadable JSON, on reads and on the writes that carry an Idempotency-Key.
    // The reveal's secrets are left alone: its per-user rate limit would turn retries into 429s.
    for (const rule of [
      { method: "POST", path: "/cards/secrets*", kind: "latency", latencyMs: 0 },
      { method: "POST", path: "/cards/*/secrets", kind: "latency", latencyMs: 0 },
      { path: "*", kind: "error", status: 503, probability: 0.1 },
      { path: "*", kind: "error", status: 500, probability: 0.05 },
      { path: "*", kind: "rate_limit", retryAfterSeconds: 1, probability: 0.05 },
      { path: "*", kind: "latency", latencyMs: 300, probability: 0.1 },
      { method: "GET", path: "*", kind: "malformed", probability: 0.05 },
      { method: "POST", path: "/cards", kind: "malformed", probability: 0.15 },
      { method: "POST", path: "/deposits", kind: "malformed", probability: 0.15 },
      { method: "POST", path: "/withdrawals", kind: "malformed", probability: 0.15 },
    ] satisfies FaultRule[]) {
      await sandbox.addFault(rule);
    }
    const retried: WorkerReply[] = [];
    const journeys = Array.from({ length: 10 }, () => new Journey({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl, worker: retryingClient(retried), sandbox, deadlineMs: 150_000 }));
    await Promise.all(
      journeys.map(async (j) => {
        await j.signIn();
        await j.passKyc();
        await j.acceptAgreements();
        await j.deposit();
        await j.createCard();
        await j.reveal();
        await j.purchase();
        await j.sendWithdrawal();
        await j.confirmWithdrawal();
      }),
    );
    await sandbox.clearFaults();

    // The faults were felt, and each one reached the client as the Worker's own code, never a bare 500.
    expect(retried.length).toBeGreaterThan(10);
    for (const reply of retried) {
      expect([502, 503, 504]).toContain(reply.status);
      expect(reply.headers.get("X-Request-Id")).toBeTruthy();
      if (reply.status === 503) expect(Number(reply.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    }
    const calls = journeys.flatMap((j) => j.worker.calls);
    expect(calls.filter((c) => c.status >= 500 && c.status !== 502 && c.status !== 503 && c.status !== 504)).toEqual([]);
    const report = await consistent(journeys);
    expect(report.problems).toEqual([]);
  }, 240_000);
});

describe("a card reveal while Machines' card secrets fail", () => {
  it("answers 502 with no card data, is retried once by the Worker (a secrets read is safe to repeat), and works once Machines is back", async () => {
    const j = new Journey({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl, sandbox });
    await j.signIn();
    await j.passKyc();
    await j.acceptAgreements();
    await j.createCard();
    const rule = await sandbox.addFault({ method: "POST", path: "/cards/*/secrets", kind: "error", status: 503 });
    const failed = await j.worker.call("revealCard", { token: j.token, params: { cardId: j.cardId }, body: {} });
    expect({ status: failed.status, code: errorCodeOf(failed) }).toEqual({ status: 502, code: "upstream_unavailable" });
    expect(failed.text).not.toMatch(/\d{12,}/);
    expect(failed.headers.get("Cache-Control")).toContain("no-store");
    expect((await sandbox.faults()).find((f) => f.id === rule.id)?.hits).toBe(2);
    await sandbox.clearFaults();
    await j.reveal();
  }, 120_000);
});

describe("the chain's RPC down while withdrawals are reported", () => {
  it("keeps every reported hash, says chain_unavailable meanwhile, and reconciles all of them once the RPC is back (Cron Trigger, then reads)", async () => {
    const journeys = Array.from({ length: 8 }, () => new Journey({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl, sandbox, deadlineMs: 120_000 }));
    await Promise.all(
      journeys.map(async (j) => {
        await j.signIn();
        await j.passKyc();
        await j.acceptAgreements();
        await j.deposit();
        await j.createCard();
        await j.sendWithdrawal(); // signed and sent on chain by the wallet; not yet reported to the Worker
      }),
    );

    rpc.down();
    for (const j of journeys) {
      const t = { token: j.token, params: { withdrawalId: j.withdrawalId } };
      const submitted = await j.worker.ok("submitWithdrawal", { ...t, body: { txHash: j.txHash } });
      expect(submitted.withdrawal).toMatchObject({ status: "submitted", submittedTxHash: j.txHash.toLowerCase() });
      const read = await j.worker.call("getWithdrawal", t);
      expect({ status: read.status, code: errorCodeOf(read) }).toEqual({ status: 502, code: "chain_unavailable" });
    }
    // The Cron Trigger while the RPC is still down: nothing is lost or marked failed.
    expect((await fetch(`${stack.workerUrl}/cdn-cgi/local/scheduled?cron=*/5+*+*+*+*`)).ok).toBe(true);
    const db = openLocalD1(stack.worker.persistTo);
    const statuses = () =>
      journeys.map((j) => db.prepare("SELECT status, submitted_tx_hash AS s, confirmed_tx_hash AS c FROM withdrawals WHERE id = ?").get(j.withdrawalId) as { status: string; s: string; c: string | null });
    try {
      for (const [i, row] of statuses().entries()) expect(row).toEqual({ status: "submitted", s: journeys[i]!.txHash.toLowerCase(), c: null });

      rpc.up();
      expect((await fetch(`${stack.workerUrl}/cdn-cgi/local/scheduled?cron=*/5+*+*+*+*`)).ok).toBe(true);
      await expect.poll(() => statuses().filter((r) => r.status === "confirmed").length, { timeout: 30_000, interval: 500 }).toBe(journeys.length);
      for (const [i, row] of statuses().entries()) expect(row).toEqual({ status: "confirmed", s: journeys[i]!.txHash.toLowerCase(), c: journeys[i]!.txHash.toLowerCase() });
    } finally {
      db.close();
    }
    for (const j of journeys) {
      const { withdrawal } = await j.worker.ok("getWithdrawal", { token: j.token, params: { withdrawalId: j.withdrawalId } });
      expect(withdrawal.status).toBe("confirmed");
    }
    const report = await consistent(journeys, ["kyc.submit", "withdrawal.create", "withdrawal.submit"]);
    expect(report.problems).toEqual([]);
  }, 240_000);
});
