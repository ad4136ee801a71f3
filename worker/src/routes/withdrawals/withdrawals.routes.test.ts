import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expectError, expectOk } from "#test/helpers/api";
import { newUser, type TestUser } from "#test/helpers/users";
import { listAudit } from "../../audit/audit.queries";
import { call, fundCollateral, patientWorker, sandboxUserId, sandboxWithdrawals } from "#test/helpers/withdrawal-suites";

const DESTINATION = { currency: "rusd", network: "base", address: "0x3333333333333333333333333333333333333333" };
const body = (amountCents = 1_000) => ({ amountCents, destination: DESTINATION });
const key = () => crypto.randomUUID();

async function fundedUser(cents = 100_000): Promise<TestUser & { machinesUserId: string; partnerUserId: string }> {
  const user = await newUser("agreed", { fetcher: patientWorker });
  const machinesUserId = await sandboxUserId(user.email);
  await fundCollateral(machinesUserId, cents);
  const partnerUserId = expectOk("getMe", await call("getMe", { token: user.token })).user.id;
  return { ...user, machinesUserId, partnerUserId };
}

describe("createWithdrawal: input and auth", () => {
  it("requires a bearer token", async () => {
    expectError(await call("createWithdrawal", { body: body(), idempotencyKey: key() }), 401, "unauthorized");
  });

  it("requires an Idempotency-Key of 8 to 128 characters", async () => {
    const { token } = await newUser("agreed", { fetcher: patientWorker });
    expectError(await call("createWithdrawal", { token, body: body() }), 400, "invalid_request", "Idempotency-Key");
    expectError(await call("createWithdrawal", { token, body: body(), idempotencyKey: "short" }), 400, "invalid_request", "Idempotency-Key");
  });

  it("names the bad field, and never takes adminAddress from the body", async () => {
    const { token } = await newUser("agreed", { fetcher: patientWorker });
    const send = (b: unknown) => call("createWithdrawal", { token, body: b, idempotencyKey: key() });
    expectError(await send({ ...body(), amountCents: 0 }), 400, "invalid_request", "amountCents");
    expectError(await send({ ...body(), amountCents: 12.5 }), 400, "invalid_request", "amountCents");
    expectError(await send({ amountCents: 100 }), 400, "invalid_request", "destination");
    expectError(await send({ ...body(), destination: { ...DESTINATION, address: "" } }), 400, "invalid_request", "destination.address");
    expectError(await send({ ...body(), adminAddress: "0x4444444444444444444444444444444444444444" }), 400, "invalid_request", "adminAddress");
  });
});

describe("createWithdrawal: idempotency", () => {
  it("answers pending, then the same withdrawal ready when repeated with the same key after retryAfterSeconds", async () => {
    const { token } = await fundedUser();
    const idempotencyKey = key();
    const first = expectOk("createWithdrawal", await call("createWithdrawal", { token, body: body(), idempotencyKey })).withdrawal;
    expect(first).toMatchObject({ status: "pending", amountCents: 1_000, destination: { ...DESTINATION, extraId: null }, call: null });
    expect(first.retryAfterSeconds).toBeGreaterThan(0);
    expect(first.execution).toMatchObject({ callPath: expect.stringMatching(/^(controller_v1|coordinator_v2)$/) });

    await new Promise((resolve) => setTimeout(resolve, first.retryAfterSeconds! * 1000 + 200));
    const again = expectOk("createWithdrawal", await call("createWithdrawal", { token, body: body(), idempotencyKey })).withdrawal;
    expect(again).toMatchObject({ id: first.id, status: "ready", retryAfterSeconds: null });
    expect(again.call).toMatchObject({ amountNative: "10000000", recipient: DESTINATION.address });
    expect(again.adminAddress.toLowerCase()).toBe(first.adminAddress.toLowerCase());
  });

  it("gives fifty concurrent requests with one key the same withdrawal, made once at Machines", async () => {
    const { token, machinesUserId, partnerUserId } = await fundedUser();
    const idempotencyKey = key();
    const replies = await Promise.all(Array.from({ length: 50 }, () => call("createWithdrawal", { token, body: body(), idempotencyKey })));
    const ids = new Set(replies.map((r) => expectOk("createWithdrawal", r).withdrawal.id));
    expect(ids.size).toBe(1);
    const list = expectOk("listWithdrawals", await call("listWithdrawals", { token })).withdrawals;
    expect(list.map((w) => w.id)).toEqual([...ids]);
    expect(await sandboxWithdrawals(machinesUserId)).toHaveLength(1);
    const audit = await listAudit(env.DB, partnerUserId, "withdrawal.create");
    expect(audit).toEqual([expect.objectContaining({ resourceId: [...ids][0], outcome: "succeeded" })]);
  });

  it("counts only new withdrawals against the per-user rate limit: following one with its key stays free", async () => {
    const { token, partnerUserId } = await fundedUser();
    const keys = Array.from({ length: 30 }, () => key());
    const made = [];
    for (const [i, k] of keys.entries()) {
      made.push(expectOk("createWithdrawal", await call("createWithdrawal", { token, body: body(100 + i), idempotencyKey: k })).withdrawal);
    }
    const limited = await call("createWithdrawal", { token, body: body(500), idempotencyKey: key() });
    expectError(limited, 429, "rate_limited");
    expect(limited.headers.get("Retry-After")).toBe("60");
    const replay = expectOk("createWithdrawal", await call("createWithdrawal", { token, body: body(100), idempotencyKey: keys[0] })).withdrawal;
    expect(replay.id).toBe(made[0]!.id);
    expect(expectOk("listWithdrawals", await call("listWithdrawals", { token })).withdrawals).toHaveLength(30);
    const outcomes = (await listAudit(env.DB, partnerUserId, "withdrawal.create")).map((a) => a.outcome);
    expect(outcomes).toEqual(["rate_limited", ...Array(30).fill("succeeded")]);
  });

  it("refuses the same key with a different body", async () => {
    const { token } = await fundedUser();
    const idempotencyKey = key();
    expectOk("createWithdrawal", await call("createWithdrawal", { token, body: body(1_000), idempotencyKey }));
    expectError(await call("createWithdrawal", { token, body: body(2_000), idempotencyKey }), 409, "idempotency_conflict", "Idempotency-Key");
  });

  it("keeps keys per user", async () => {
    const [a, b] = await Promise.all([fundedUser(), fundedUser()]);
    const idempotencyKey = key();
    const mine = expectOk("createWithdrawal", await call("createWithdrawal", { token: a.token, body: body(), idempotencyKey })).withdrawal;
    const theirs = expectOk("createWithdrawal", await call("createWithdrawal", { token: b.token, body: body(), idempotencyKey })).withdrawal;
    expect(theirs.id).not.toBe(mine.id);
  });
});

describe("createWithdrawal: Machines' refusals", () => {
  it("passes on 422 insufficient_collateral, replays it for the same key, and lists nothing", async () => {
    const { token } = await fundedUser(500);
    const idempotencyKey = key();
    expectError(await call("createWithdrawal", { token, body: body(1_000), idempotencyKey }), 422, "insufficient_collateral");
    expectError(await call("createWithdrawal", { token, body: body(1_000), idempotencyKey }), 422, "insufficient_collateral");
    expect(expectOk("listWithdrawals", await call("listWithdrawals", { token })).withdrawals).toEqual([]);
  });

  it("passes on 409 agreements_required before agreements are accepted", async () => {
    const { token } = await newUser("approved", { fetcher: patientWorker });
    expectError(await call("createWithdrawal", { token, body: body(), idempotencyKey: key() }), 409, "agreements_required");
  });

  it("answers kyc_required before KYC is approved", async () => {
    const { token } = await newUser("signed-in");
    expectError(await call("createWithdrawal", { token, body: body(), idempotencyKey: key() }), 409, "kyc_required");
  });
});

describe("reading withdrawals", () => {
  it("lists the user's withdrawals newest first, and nobody else's", async () => {
    const [a, b] = await Promise.all([fundedUser(), fundedUser()]);
    const first = expectOk("createWithdrawal", await call("createWithdrawal", { token: a.token, body: body(1_000), idempotencyKey: key() })).withdrawal;
    const second = expectOk("createWithdrawal", await call("createWithdrawal", { token: a.token, body: body(1_500), idempotencyKey: key() })).withdrawal;
    expectOk("createWithdrawal", await call("createWithdrawal", { token: b.token, body: body(), idempotencyKey: key() }));
    const list = expectOk("listWithdrawals", await call("listWithdrawals", { token: a.token })).withdrawals;
    expect(list.map((w) => w.id)).toEqual([second.id, first.id]);
  });

  it("answers 404 for another user's withdrawal, on every route", async () => {
    const [owner, other] = await Promise.all([fundedUser(), fundedUser()]);
    const { id } = expectOk("createWithdrawal", await call("createWithdrawal", { token: owner.token, body: body(), idempotencyKey: key() })).withdrawal;
    const params = { withdrawalId: id };
    expectError(await call("getWithdrawal", { token: other.token, params }), 404, "not_found");
    expectError(await call("prepareWithdrawal", { token: other.token, params, body: {} }), 404, "not_found");
    expectError(await call("submitWithdrawal", { token: other.token, params, body: { txHash: `0x${"ab".repeat(32)}` } }), 404, "not_found");
    expectError(await call("getWithdrawal", { token: owner.token, params: { withdrawalId: "wd_doesnotexist" } }), 404, "not_found");
  });

  it("refuses malformed ids and bodies with the field named", async () => {
    const { token } = await newUser("agreed", { fetcher: patientWorker });
    expectError(await call("getWithdrawal", { token, params: { withdrawalId: "bad id!" } }), 400, "invalid_request", "withdrawalId");
    const params = { withdrawalId: "wd_0123456789" };
    expectError(await call("submitWithdrawal", { token, params, body: { txHash: "0x1234" } }), 400, "invalid_request", "txHash");
    expectError(await call("prepareWithdrawal", { token, params, body: { adminSalt: "0x12" } }), 400, "invalid_request");
  });

  it("does not prepare or submit a pending withdrawal", async () => {
    const { token } = await fundedUser();
    const { id } = expectOk("createWithdrawal", await call("createWithdrawal", { token, body: body(), idempotencyKey: key() })).withdrawal;
    expectError(await call("prepareWithdrawal", { token, params: { withdrawalId: id }, body: {} }), 409, "invalid_state");
    expectError(await call("submitWithdrawal", { token, params: { withdrawalId: id }, body: { txHash: `0x${"ab".repeat(32)}` } }), 409, "invalid_state");
  });
});

describe("quotes", () => {
  it("lists withdrawal assets, and gives a range and an estimate", async () => {
    const { token } = await newUser("agreed", { fetcher: patientWorker });
    const { assets } = expectOk("listWithdrawalAssets", await call("listWithdrawalAssets", { token }));
    expect(assets.map((a) => a.ticker)).toContain("RUSD");
    const { range } = expectOk("getWithdrawalRange", await call("getWithdrawalRange", { token, body: { destination: { currency: "rusd", network: "base" } } }));
    expect(range).toMatchObject({ fromCurrency: "rusd", toCurrency: "rusd" });
    const { estimate } = expectOk(
      "estimateWithdrawal",
      await call("estimateWithdrawal", { token, body: { destination: { currency: "rusd", network: "base" }, amountCents: 1_000 } }),
    );
    expect(estimate).toMatchObject({ fromAmountCents: 1_000 });
  });
});
