import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "#test/helpers/api";
import { controls, faultSandbox } from "#test/helpers/sandbox";
import { kycApplication, newUser, signIn, type TestUser } from "#test/helpers/users";
import { workerFor, workerWith } from "#test/helpers/worker-with";

/**
 * Machines misbehaving, through the simulator's fault injection. This file has a sandbox of its own
 * (fault rules are global to a sandbox); its tests run one at a time.
 */
const s = () => faultSandbox();
const sandboxControls = () => controls(s());
let fetcher: (r: Request) => Promise<Response>;
let agreed: TestUser;

beforeAll(async () => {
  fetcher = workerFor(s());
  agreed = await newUser("agreed", { sandbox: s(), fetcher });
});
afterEach(() => sandboxControls().clearFaults());

describe("Machines answering 5xx", () => {
  it("a read is retried once, and a single failure is invisible", async () => {
    await sandboxControls().addFault({ method: "GET", path: "/kyc/status", kind: "error", status: 503, times: 1 });
    expect(expectOk("getKycStatus", await call("getKycStatus", { token: agreed.token, fetcher })).status).toBe("approved");
  });

  it("a read that keeps failing is 502 upstream_unavailable, after exactly one retry", async () => {
    const rule = await sandboxControls().addFault({ method: "GET", path: "/kyc/status", kind: "error", status: 500 });
    expectError(await call("getKycStatus", { token: agreed.token, fetcher }), 502, "upstream_unavailable");
    expect(await sandboxControls().faultHits(rule.id)).toBe(2);
  });

  it("a write without an idempotency key is never retried", async () => {
    const u = await newUser("signed-in", { sandbox: s(), fetcher });
    const rule = await sandboxControls().addFault({ method: "POST", path: "/kyc/applications", kind: "error", status: 503 });
    expectError(await call("submitKycApplication", { token: u.token, body: kycApplication({ email: u.email }), fetcher }), 502, "upstream_unavailable");
    expect(await sandboxControls().faultHits(rule.id)).toBe(1);
  });

  it("a write with an idempotency key is retried once, and still makes one card", async () => {
    await sandboxControls().addFault({ method: "POST", path: "/cards", kind: "error", status: 502, times: 1 });
    const reply = await call("createCard", { token: agreed.token, body: { label: "Retried" }, idempotencyKey: crypto.randomUUID(), fetcher });
    const { card } = expectOk("createCard", reply);
    const cards = expectOk("listCards", await call("listCards", { token: agreed.token, fetcher })).cards;
    expect(cards.filter((c) => c.id === card.id)).toHaveLength(1);
  });

  it("a card created while the reply was lost is found again with the same key", async () => {
    const key = crypto.randomUUID();
    await sandboxControls().addFault({ method: "POST", path: "/cards", kind: "malformed", times: 2 });
    expectError(await call("createCard", { token: agreed.token, body: { label: "Lost reply" }, idempotencyKey: key, fetcher }), 502, "upstream_invalid_response");
    const before = expectOk("listCards", await call("listCards", { token: agreed.token, fetcher })).cards.length;
    await sandboxControls().clearFaults();
    const { card } = expectOk("createCard", await call("createCard", { token: agreed.token, body: { label: "Lost reply" }, idempotencyKey: key, fetcher }));
    const after = expectOk("listCards", await call("listCards", { token: agreed.token, fetcher })).cards;
    expect(after).toHaveLength(before);
    expect(after.map((c) => c.id)).toContain(card.id);
  });
});

describe("Machines too slow, unreadable, rate-limiting or unreachable", () => {
  it("no answer within UPSTREAM_TIMEOUT_MS is 504 upstream_timeout, on time", async () => {
    await sandboxControls().addFault({ method: "GET", path: "/balances", kind: "latency", latencyMs: 4_000, times: 1 });
    const started = Date.now();
    expectError(await call("getBalances", { token: agreed.token, fetcher }), 504, "upstream_timeout");
    expect(Date.now() - started).toBeLessThan(3_500);
  });

  it("malformed JSON is 502 upstream_invalid_response", async () => {
    await sandboxControls().addFault({ method: "GET", path: "/balances", kind: "malformed", times: 1 });
    expectError(await call("getBalances", { token: agreed.token, fetcher }), 502, "upstream_invalid_response");
  });

  it("429 is 503 upstream_rate_limited with Machines' Retry-After, and is not retried", async () => {
    const rule = await sandboxControls().addFault({ method: "GET", path: "/deposits/assets", kind: "rate_limit", retryAfterSeconds: 7 });
    const reply = await call("listDepositAssets", { token: agreed.token, fetcher });
    expectError(reply, 503, "upstream_rate_limited");
    expect(reply.headers.get("Retry-After")).toBe("7");
    expect(await sandboxControls().faultHits(rule.id)).toBe(1);
  });

  it("a session mint that fails is 502 (never retried), and the next request mints again", async () => {
    const token = await signIn(undefined, s());
    const rule = await sandboxControls().addFault({ method: "POST", path: "/sessions", kind: "error", status: 503, times: 1 });
    expectError(await call("getKycStatus", { token, fetcher }), 502, "upstream_unavailable");
    expect(await sandboxControls().faultHits(rule.id)).toBeNull(); // used up after one hit
    expect(expectOk("getKycStatus", await call("getKycStatus", { token, fetcher })).status).toBe("not_submitted");
  });

  it("Machines unreachable is 502 upstream_unavailable", async () => {
    const down = workerWith({ ...workerForBindings(), MACHINES_API_BASE: "http://127.0.0.1:9/partner/v1" });
    expectError(await call("getKycValues", { token: agreed.token, fetcher: down }), 502, "upstream_unavailable");
  });

  it("the wallets API unreachable at first sign-in is 502 wallet_unavailable", async () => {
    const down = workerWith({ ...workerForBindings(), CROSSMINT_API_BASE: "http://127.0.0.1:9/crossmint" });
    expectError(await call("getMe", { token: await signIn(undefined, s()), fetcher: down }), 502, "wallet_unavailable");
  });
});

function workerForBindings() {
  const sb = s();
  return {
    MACHINES_API_BASE: sb.machinesApiBase,
    CROSSMINT_API_BASE: sb.crossmintApiBase,
    CROSSMINT_JWKS_URL: sb.jwksUrl,
    CROSSMINT_ISSUER: sb.identityIssuer,
    CROSSMINT_AUDIENCE: sb.identityAudience,
  };
}
