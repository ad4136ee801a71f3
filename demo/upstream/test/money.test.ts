import { describe, expect, it } from "vitest";
import examples from "./fixtures/reference-examples.json";
import { createHarness } from "./harness";
import { expectSameShape } from "./shape";

describe("deposits (without a chain)", () => {
  it("assets, range and estimate describe the sandbox's test dollar", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("depositor");
    const assets = await call("GET", "/deposits/assets", { token });
    expect(assets.json.summary).toBe("deposit assets");
    expect(assets.json.data.assets).toEqual([examples.depositAsset]);
    expect((await call("GET", "/deposits/assets?q=btc", { token })).json.data.assets).toEqual([]);
    const range = await call("POST", "/deposits/range", { token, body: { currency: "rusd", network: "base" } });
    expect(range.json).toMatchObject({ summary: "deposit range", data: { range: { toCurrency: "rusd", minAmount: 1, maxAmount: null, payoutChainId: 84532 } } });
    const estimate = await call("POST", "/deposits/estimate", { token, body: { currency: "rusd", network: "base", amount: 25, amountCurrency: "usd" } });
    expect(estimate.json.data.estimate).toMatchObject({ quotedAmount: 25, quotedAmountCurrency: "usd", estimatedToAmount: 25, rateId: null });
    const unknown = await call("POST", "/deposits/range", { token, body: { currency: "btc", network: "bitcoin" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors[0].message).toMatch(/^Asset not found/);
  });

  it("create (idempotent), get, list by scope; the manual control completes one and raises balances", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("depositor");
    const below = await call("POST", "/deposits", { token, body: { currency: "rusd", network: "base", amount: 0.5 } });
    expect(below.status).toBe(400);
    expect(below.json.errors[0]).toMatchObject({ field: "amount", message: "amount must be at least 1" });

    const created = await call("POST", "/deposits", { token, body: { currency: "rusd", network: "base", amount: 40 }, idempotencyKey: "deposit-key-1" });
    const replay = await call("POST", "/deposits", { token, body: { currency: "rusd", network: "base", amount: 40 }, idempotencyKey: "deposit-key-1" });
    expect(replay.json.data.deposit.id).toBe(created.json.data.deposit.id);
    const { deposit } = created.json.data;
    expect(deposit).toMatchObject({ status: "awaitingDeposit", changeNowId: null, payinExtraId: null, chainId: 84532 });
    expect(deposit.id).toMatch(/^c[a-z0-9]{24}$/);

    const completed = await call("POST", `/sandbox/deposits/${deposit.id}/complete`, { body: {} });
    expect(completed.json.data.deposit.status).toBe("completed");
    expect(completed.json.data.balances).toEqual({ creditLimit: 4000, pendingCharges: 0, postedCharges: 0, balanceDue: 0, spendingPower: 4000 });
    expect((await call("GET", `/deposits/${deposit.id}`, { token })).json.data.deposit.status).toBe("completed");
    expect((await call("GET", "/balances", { token })).json.data.balances.creditLimit).toBe(4000);
    expect((await call("POST", `/sandbox/deposits/${deposit.id}/complete`, { body: {} })).status).toBe(200);

    const second = await call("POST", "/deposits", { token, body: { currency: "rusd", network: "base" } });
    const active = await call("GET", "/deposits", { token });
    expect(active.json.data.deposits.map((d: { id: string }) => d.id)).toContain(second.json.data.deposit.id);
    const all = await call("GET", "/deposits?scope=all", { token });
    expect(all.json.data.deposits).toHaveLength(2);
    const collateral = await call("GET", "/transactions?type=collateral", { token });
    expect(collateral.json.data.transactions).toEqual([
      { transactionId: expect.any(String), type: "collateral", status: "posted", amountCents: 4000, currency: "USD", createdAt: expect.any(String) },
    ]);
  });

  it("missing_contract once behind the flag, then the retry works", async () => {
    const { call, onboard } = createHarness({ missingContractOnce: true });
    const { token } = await onboard("new-collateral");
    const first = await call("POST", "/deposits", { token, body: { currency: "rusd", network: "base" } });
    expect(first.status).toBe(409);
    expect(first.json.errors[0].code).toBe("missing_contract");
    expect((await call("POST", "/deposits", { token, body: { currency: "rusd", network: "base" } })).status).toBe(200);
  });

  it("the faucet credits directly when there is no chain", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("fauceted");
    const funded = await call("POST", "/sandbox/faucet", { body: { userId: "fauceted", amountCents: 12_345 } });
    expect(funded.json.data).toMatchObject({ txHash: null, amountCents: 12_345 });
    expect((await call("GET", "/balances", { token })).json.data.balances.creditLimit).toBe(12_345);
  });
});

describe("purchases, transactions and balances", () => {
  async function fundedCard() {
    const harness = createHarness({ purchasePostingSeconds: 5 });
    const { token } = await harness.onboard("shopper");
    await harness.call("POST", "/sandbox/faucet", { body: { userId: "shopper", amountCents: 10_000 } });
    const card = await harness.call("POST", "/cards", { token, body: { limit: { amountCents: 5_000, frequency: "perAuthorization" } } });
    return { ...harness, token, cardId: card.json.data.cardId as string };
  }

  it("a purchase is pending, then posted, and moves the balances", async () => {
    const { call, token, cardId, clock } = await fundedCard();
    const purchase = await call("POST", "/sandbox/purchases", { body: { cardId, amountCents: 1299, merchantName: "Example Merchant" } });
    expect(purchase.status).toBe(200);
    expectSameShape({ ...purchase.json.data.transaction, status: "posted" }, examples.transaction);
    expect(purchase.json.data.transaction.status).toBe("pending");
    expect((await call("GET", "/balances", { token })).json.data.balances).toEqual({
      creditLimit: 10_000,
      pendingCharges: 1299,
      postedCharges: 0,
      balanceDue: 0,
      spendingPower: 8701,
    });
    clock.advance(5);
    const balances = (await call("GET", "/balances", { token })).json.data.balances;
    expect(balances).toEqual({ creditLimit: 10_000, pendingCharges: 0, postedCharges: 1299, balanceDue: 1299, spendingPower: 8701 });
    const spend = await call("GET", `/transactions?type=spend&cardId=${cardId}`, { token });
    expectSameShape(spend.json.data.transactions[0], examples.transaction);
    expect(spend.json.data.transactions[0]).toMatchObject({ status: "posted", amountCents: 1299, merchantName: "Example Merchant", cardId });
  });

  it("declines what a card cannot pay: limit, spending power, locked card", async () => {
    const { call, token, cardId } = await fundedCard();
    expect((await call("POST", "/sandbox/purchases", { body: { cardId, amountCents: 5_001 } })).json.errors[0].code).toBe("limit_exceeded");
    const other = await call("POST", "/cards", { token, body: {} });
    expect((await call("POST", "/sandbox/purchases", { body: { cardId: other.json.data.cardId, amountCents: 10_001 } })).json.errors[0].code).toBe(
      "insufficient_funds",
    );
    await call("PATCH", `/cards/${cardId}`, { token, body: { status: "locked" } });
    expect((await call("POST", "/sandbox/purchases", { body: { cardId, amountCents: 100 } })).status).toBe(409);
  });

  it("lists newest first with type, card, limit and cursor filters", async () => {
    const { call, token, cardId } = await fundedCard();
    for (const amountCents of [100, 200, 300]) await call("POST", "/sandbox/purchases", { body: { cardId, amountCents, posted: true } });
    const page1 = await call("GET", "/transactions?limit=2", { token });
    expect(page1.json.summary).toBe("transactions");
    expect(page1.json.data.transactions.map((t: { amountCents: number }) => t.amountCents)).toEqual([300, 200]);
    const page2 = await call("GET", `/transactions?limit=2&cursor=${page1.json.data.nextCursor}`, { token });
    expect(page2.json.data.transactions.map((t: { type: string }) => t.type)).toEqual(["spend", "collateral"]);
    expect(page2.json.data.nextCursor).toBeNull();
    expect((await call("GET", "/transactions?type=fee,payment", { token })).json.data.transactions).toEqual([]);
    const posted = await call("POST", "/sandbox/purchases", { body: { cardId, amountCents: 50 } });
    const id = posted.json.data.transaction.transactionId;
    expect((await call("POST", `/sandbox/transactions/${id}/post`)).json.data.transaction.status).toBe("posted");
  });
});
