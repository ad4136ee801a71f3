import { describe, expect, it } from "vitest";
import { WithdrawalCreateData } from "@machines-card/contract/machines";
import examples from "./fixtures/reference-examples.json";
import { createHarness, WALLET } from "./harness";
import { expectSameShape } from "./shape";

const RECIPIENT = "0x1111111111111111111111111111111111111111";
const body = (o: Record<string, unknown> = {}) => ({
  amountCents: 5_000,
  source: { chainId: 84532 },
  destination: { currency: "rusd", network: "base", address: RECIPIENT },
  ...o,
});

async function funded(options: Parameters<typeof createHarness>[0] = {}) {
  const harness = createHarness(options);
  const { token } = await harness.onboard("withdrawer");
  await harness.call("POST", "/sandbox/faucet", { body: { userId: "withdrawer", amountCents: 100_000 } });
  return { ...harness, token };
}

describe("withdrawal quotes", () => {
  it("assets, range and estimate, with a relay destination", async () => {
    const { call, token } = await funded();
    const assets = await call("GET", "/withdrawals/assets", { token });
    expect(assets.json.data.assets.map((a: { ticker: string }) => a.ticker)).toEqual(["RUSD", "USDC"]);
    expect((await call("GET", "/withdrawals/assets?sourceChainId=1", { token })).json.data.assets).toEqual([]);
    const range = await call("POST", "/withdrawals/range", { token, body: { destination: { currency: "rusd", network: "base" } } });
    expect(range.json.data.range).toEqual({
      fromCurrency: "rusd",
      fromNetwork: "base",
      toCurrency: "rusd",
      toNetwork: "base",
      minAmount: 1,
      maxAmount: 10_000,
      minAmountCents: 100,
      maxAmountCents: 1_000_000,
      destinationSupportsExtraId: false,
    });
    const estimate = await call("POST", "/withdrawals/estimate", { token, body: { destination: { currency: "usdc", network: "base" }, amountCents: 10_000 } });
    expect(estimate.json.data.estimate).toMatchObject({ fromAmount: 100, fromAmountCents: 10_000, estimatedToAmount: 99, rateId: expect.any(String) });
    const above = await call("POST", "/withdrawals/estimate", { token, body: { destination: { currency: "rusd", network: "base" }, amountCents: 1_000_001 } });
    expect(above.json.errors[0].field).toBe("amountCents");
    const wrongChain = await call("POST", "/withdrawals/range", { token, body: { source: { chainId: 1 }, destination: { currency: "rusd", network: "base" } } });
    expect(wrongChain.json.errors[0]).toMatchObject({ code: "chain_not_supported", field: "source.chainId" });
  });
});

describe("withdrawal create", () => {
  it("pending first, ready after retryAfterSeconds with the same key, shaped like the docs' example", async () => {
    const { call, token, clock } = await funded();
    const first = await call("POST", "/withdrawals", { token, body: body(), idempotencyKey: "wd-key-0001" });
    expect(first.json.summary).toBe("withdrawal signature");
    expect(first.json.data).toMatchObject({ status: "pending", retryAfterSeconds: 2, relay: null });
    expect(first.json.data.execution).toMatchObject({ contractVersion: 2, callPath: "coordinator_v2", chainId: 84532 });
    expect(first.json.data.execution.callTarget).toBe(first.json.data.execution.coordinatorAddress);

    clock.advance(1);
    expect((await call("POST", "/withdrawals", { token, body: body(), idempotencyKey: "wd-key-0001" })).json.data).toMatchObject({
      status: "pending",
      retryAfterSeconds: 1,
    });
    clock.advance(1);
    const ready = await call("POST", "/withdrawals", { token, body: body(), idempotencyKey: "wd-key-0001" });
    expect(WithdrawalCreateData.safeParse(ready.json.data).success).toBe(true);
    expectSameShape(ready.json.data, examples.withdrawalReady, {
      allowExtra: ["execution", "relay", "signature.parameters"],
    });
    const { parameters, signature, expiresAt, execution } = ready.json.data;
    expect(parameters).toHaveLength(7);
    expect(parameters[0]).toBe(execution.collateralProxyAddress);
    expect(parameters[2]).toBe("50000000"); // 5,000 cents × 10^4
    expect(parameters[3]).toBe(RECIPIENT);
    expect(parameters[4]).toBe(Math.floor(clock.now() / 1000) + 600);
    expect(Buffer.from(parameters[5], "base64")).toHaveLength(32);
    expect(parameters[6]).toMatch(/^0x[0-9a-f]{130}$/);
    expect(signature).toEqual({ data: parameters[6], salt: parameters[5], parameters });
    expect(expiresAt).toBe(new Date(parameters[4] * 1000).toISOString());

    // Asked again: the same (current) record, not a new signature.
    expect((await call("POST", "/withdrawals", { token, body: body(), idempotencyKey: "wd-key-0001" })).json.data.parameters).toEqual(parameters);
    const conflict = await call("POST", "/withdrawals", { token, body: body({ amountCents: 6_000 }), idempotencyKey: "wd-key-0001" });
    expect(conflict.json.errors[0].code).toBe("idempotency_conflict");
  });

  it("fresh keys reach the same open withdrawal (the example's retry style), and the old body shape too", async () => {
    const { call, token, clock } = await funded();
    const first = await call("POST", "/withdrawals", { token, body: body(), idempotencyKey: crypto.randomUUID() });
    expect(first.json.data.status).toBe("pending");
    clock.advance(2);
    const legacy = {
      amountCents: 5_000,
      tokenAddress: "0x10b5Be494C2962A7B318aFB63f0Ee30b959D000b",
      recipientAddress: RECIPIENT,
      chainId: 84532,
      adminAddress: WALLET,
    };
    const retry = await call("POST", "/withdrawals", { token, body: legacy, idempotencyKey: crypto.randomUUID() });
    expect(retry.json.data.status).toBe("ready");
    const again = await call("POST", "/withdrawals", { token, body: body(), idempotencyKey: crypto.randomUUID() });
    expect(again.json.data.parameters).toEqual(retry.json.data.parameters);
    // Once expired, a fresh key starts a new withdrawal.
    clock.advance(601);
    expect((await call("POST", "/withdrawals", { token, body: body(), idempotencyKey: crypto.randomUUID() })).json.data.status).toBe("pending");
  });

  it("concurrent creates with one key make one withdrawal", async () => {
    const { call, token, clock, simulator } = await funded();
    await Promise.all(Array.from({ length: 20 }, () => call("POST", "/withdrawals", { token, body: body(), idempotencyKey: "wd-burst-01" })));
    await Promise.all(Array.from({ length: 20 }, () => call("POST", "/withdrawals", { token, body: body(), idempotencyKey: crypto.randomUUID() })));
    expect(Object.keys(simulator.exportState().withdrawals)).toHaveLength(1);
    clock.advance(2);
    const readies = await Promise.all(Array.from({ length: 10 }, () => call("POST", "/withdrawals", { token, body: body(), idempotencyKey: "wd-burst-01" })));
    expect(new Set(readies.map((r) => JSON.stringify(r.json.data.parameters))).size).toBe(1);
  });

  it.each([
    ["hex", "number", (salt: unknown) => typeof salt === "string" && /^0x[0-9a-f]{64}$/.test(salt), (e: unknown) => typeof e === "number"],
    ["bytes", "string", (salt: unknown) => Array.isArray(salt) && salt.length === 32, (e: unknown) => typeof e === "string" && /^\d+$/.test(e)],
    ["base64", "iso", (salt: unknown) => typeof salt === "string" && salt.length === 44, (e: unknown) => typeof e === "string" && e.endsWith("Z")],
  ] as const)("salt as %s and expiry as %s, switchable at run time", async (saltEncoding, expiresAtEncoding, saltOk, expiryOk) => {
    const { call, token, clock } = await funded();
    await call("PATCH", "/sandbox/settings", { body: { saltEncoding, expiresAtEncoding, withdrawalReadyAfterSeconds: 0 } });
    await call("POST", "/withdrawals", { token, body: body(), idempotencyKey: "enc-key-001" });
    clock.advance(0.001);
    const ready = await call("POST", "/withdrawals", { token, body: body(), idempotencyKey: "enc-key-001" });
    expect(ready.json.data.status).toBe("ready");
    expect(saltOk(ready.json.data.parameters[5])).toBe(true);
    expect(expiryOk(ready.json.data.parameters[4])).toBe(true);
    expect(ready.json.data.signature.salt).toEqual(ready.json.data.parameters[5]);
  });

  it("refuses a non-admin adminAddress (400), too much (422), and a foreign source token", async () => {
    const { call, token } = await funded();
    const notAdmin = await call("POST", "/withdrawals", { token, body: body({ adminAddress: RECIPIENT }) });
    expect(notAdmin.status).toBe(400);
    expect(notAdmin.json.errors[0]).toEqual({ code: "invalid_request", message: "adminAddress is not an admin of the user's collateral", field: "adminAddress" });
    expect((await call("POST", "/withdrawals", { token, body: body({ adminAddress: "nope" }) })).json.errors[0].field).toBe("adminAddress");
    const tooMuch = await call("POST", "/withdrawals", { token, body: body({ amountCents: 100_001 }) });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json.errors[0].code).toBe("insufficient_collateral");
    const token2 = await call("POST", "/withdrawals", { token, body: body({ source: { tokenAddress: RECIPIENT } }) });
    expect(token2.status).toBe(404);
    expect((await call("POST", "/withdrawals", { token, body: body({ destination: { currency: "rusd", network: "base", address: "bc1q" } }) })).json.errors[0].field).toBe(
      "destination.address",
    );
  });

  it("a relay destination pays the relay's pay-in address", async () => {
    const { call, token, clock } = await funded();
    const relayed = body({ destination: { currency: "usdc", network: "base", address: RECIPIENT } });
    const pending = await call("POST", "/withdrawals", { token, body: relayed, idempotencyKey: "relay-key-1" });
    expect(pending.json.data.relay).toMatchObject({ payoutAddress: RECIPIENT, fromCurrency: "rusd", toCurrency: "usdc", payinExtraId: null });
    clock.advance(2);
    const ready = await call("POST", "/withdrawals", { token, body: relayed, idempotencyKey: "relay-key-1" });
    expect(ready.json.data.parameters[3]).toBe(pending.json.data.relay.payinAddress);
  });

  it("v1 users get the controller path (collateral version set at run time applies to new users)", async () => {
    const { call, onboard } = createHarness();
    await call("PATCH", "/sandbox/settings", { body: { collateralVersion: 1 } });
    const { token } = await onboard("v1-user");
    await call("POST", "/sandbox/faucet", { body: { userId: "v1-user", amountCents: 10_000 } });
    const reply = await call("POST", "/withdrawals", { token, body: body() });
    expect(reply.json.data.execution).toMatchObject({ contractVersion: 1, callPath: "controller_v1" });
    expect(reply.json.data.execution.callTarget).toBe(reply.json.data.execution.controllerAddress);
    const users = await call("GET", "/sandbox/users");
    expect(users.json.data.users[0]).toMatchObject({ userId: "v1-user", email: "john@example.com", collateral: { version: 1 } });
  });
});
