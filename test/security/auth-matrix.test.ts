import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTokens } from "../../demo/identity";
import { Journey } from "../load/api-journey";
import { createSandboxClient } from "../support/sandbox/sandbox-client";
import { createWorkerClient, errorCodeOf } from "../support/sandbox/worker-client";
import { startStack, type RunningStack } from "../stack";

/**
 * The auth matrix on every route the Worker documents as signed-in (read from its `/openapi.json`, so a new
 * route is covered without a change here), against the Worker under `wrangler dev`: no token, a malformed
 * one, and tokens from the real issuer that are each wrong in one way (signature, key, algorithm, expiry,
 * audience, issuer, key id). Then another user's resources on every route that takes an id: 404, exactly
 * like an id that does not exist, and the owner's card, deposit and withdrawal untouched.
 */
interface Operation {
  operationId: string;
  method: string;
  path: string;
  secured: boolean;
}

let stack: RunningStack;
let operations: Operation[];
let tokens: Record<string, string>;
let owner: Journey;
let stranger: Journey;

/** A body each route accepts, so a refusal can only come from who is asking. */
const VALID_BODIES: Record<string, unknown> = {
  updateCard: { status: "locked" },
  revealCard: {},
  createRevealTicket: { theme: { scheme: "light", colors: {} }, locale: "en" },
  prepareWithdrawal: {},
  submitWithdrawal: { txHash: `0x${"ab".repeat(32)}` },
};

beforeAll(async () => {
  stack = await startStack();
  const doc = (await (await fetch(`${stack.workerUrl}/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string; security?: unknown[] }>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ operationId: op.operationId, method: method.toUpperCase(), path, secured: (op.security ?? []).length > 0 })),
  );
  const make = createTestTokens(stack.sandbox.identityIssuer);
  const someone = { email: "matrix@example.com" };
  tokens = {
    tampered: await make.tamperedPayload(someone),
    unknownKey: await make.unknownKey(someone),
    unsigned: await make.unsigned(someone),
    expired: await make.expired(someone),
    wrongAudience: await make.wrongAudience(someone),
    wrongIssuer: await make.wrongIssuer(someone),
    unknownKid: await make.unknownKid(someone),
    missingKid: await make.missingKid(someone),
  };

  const sandbox = createSandboxClient({ sandboxUrl: stack.sandboxUrl });
  owner = new Journey({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl, sandbox });
  stranger = new Journey({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl, sandbox });
  for (const j of [owner, stranger]) {
    await j.signIn();
    await j.passKyc();
    await j.acceptAgreements();
  }
  await owner.deposit();
  await owner.createCard();
  await owner.sendWithdrawal();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const pathWith = (path: string, ids: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name] ?? "abcdefgh1234"));

async function send(op: Operation, authorization: string | undefined, ids: Record<string, string> = {}, body: unknown = undefined) {
  const headers: Record<string, string> = { "Idempotency-Key": crypto.randomUUID() };
  if (authorization !== undefined) headers.Authorization = authorization;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(stack.workerUrl + pathWith(op.path, ids), { method: op.method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, code: errorCodeOf({ body: parsed }), text };
}

describe("every signed-in route refuses a caller who is not signed in properly", () => {
  it("documents the signed-in routes", () => {
    expect(operations.filter((o) => o.secured).length).toBeGreaterThanOrEqual(25);
    expect(operations.filter((o) => !o.secured).map((o) => o.operationId).sort()).toEqual(["getConfig", "getHealth", "getOpenApi"]);
  });

  it("401 unauthorized without a token, with a malformed one, or another scheme", async () => {
    for (const op of operations.filter((o) => o.secured)) {
      for (const authorization of [undefined, "Bearer not-a-jwt", "Bearer ", `Basic ${btoa("user:pass")}`]) {
        const reply = await send(op, authorization);
        expect({ op: op.operationId, authorization, status: reply.status, code: reply.code }).toEqual({ op: op.operationId, authorization, status: 401, code: "unauthorized" });
      }
    }
  });

  it("401 for tokens of the real issuer wrong in one way; token_expired for an expired one", async () => {
    for (const op of operations.filter((o) => o.secured)) {
      for (const [kind, token] of Object.entries(tokens)) {
        const reply = await send(op, `Bearer ${token}`);
        const code = kind === "expired" ? "token_expired" : "unauthorized";
        expect({ op: op.operationId, kind, status: reply.status, code: reply.code }).toEqual({ op: op.operationId, kind, status: 401, code });
      }
    }
  });
});

describe("another user's resources", () => {
  const ids = () => ({ cardId: owner.cardId, depositId: owner.depositId, withdrawalId: owner.withdrawalId });

  it("are 404 not_found on every route that takes an id, as if they did not exist", async () => {
    const withId = operations.filter((o) => o.secured && /\{\w+\}/.test(o.path));
    expect(withId.length).toBeGreaterThanOrEqual(8);
    for (const op of withId) {
      const body = op.method === "GET" || op.method === "DELETE" ? undefined : VALID_BODIES[op.operationId];
      expect(op.method === "GET" || op.method === "DELETE" || body !== undefined, `a valid body for ${op.operationId} is missing here`).toBe(true);
      const theirs = await send(op, `Bearer ${stranger.token}`, ids(), body);
      expect({ op: op.operationId, status: theirs.status, code: theirs.code }).toEqual({ op: op.operationId, status: 404, code: "not_found" });
      const nobodys = await send(op, `Bearer ${stranger.token}`, { cardId: crypto.randomUUID(), depositId: "cm0000000000000000000000a", withdrawalId: "wd_00000000000000000000000000000000" }, body);
      expect({ op: op.operationId, status: nobodys.status, code: nobodys.code }).toEqual({ op: op.operationId, status: 404, code: "not_found" });
    }
  });

  it("never show up in another user's lists", async () => {
    const worker = createWorkerClient(stack.workerUrl);
    const t = { token: stranger.token };
    expect((await worker.ok("listCards", t)).cards.map((c) => c.id)).not.toContain(owner.cardId);
    expect((await worker.ok("listDeposits", { ...t, query: { scope: "all" } })).deposits.map((d) => d.id)).not.toContain(owner.depositId);
    expect((await worker.ok("listWithdrawals", t)).withdrawals.map((w) => w.id)).not.toContain(owner.withdrawalId);
    expect((await worker.ok("listTransactions", t)).transactions).toEqual([]);
  });

  it("are left as they were: the owner's card still active, their withdrawal still theirs and unreported", async () => {
    const worker = createWorkerClient(stack.workerUrl);
    const t = { token: owner.token };
    expect((await worker.ok("getCard", { ...t, params: { cardId: owner.cardId } })).card.status).toBe("active");
    const { withdrawal } = await worker.ok("getWithdrawal", { ...t, params: { withdrawalId: owner.withdrawalId } });
    expect(withdrawal.submittedTxHash).toBeNull();
    expect((await worker.ok("getDeposit", { ...t, params: { depositId: owner.depositId } })).deposit.id).toBe(owner.depositId);
  });
});
