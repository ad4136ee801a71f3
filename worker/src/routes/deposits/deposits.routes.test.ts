import { describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "#test/helpers/api";
import { controls } from "#test/helpers/sandbox";
import { newUser } from "#test/helpers/users";

const RUSD = { currency: "rusd", network: "base" };

describe("deposit quotes", () => {
  it("list the assets, with their networks", async () => {
    const { token } = await newUser();
    const { assets } = expectOk("listDepositAssets", await call("listDepositAssets", { token }));
    expect(assets[0]).toMatchObject({ ticker: "RUSD", networks: [expect.objectContaining({ id: "base" })] });
    expectOk("listDepositAssets", await call("listDepositAssets", { token, query: { q: "rusd", limit: "5" } }));
  });

  it("give the range and an estimate for an asset", async () => {
    const { token } = await newUser("agreed");
    const { range } = expectOk("getDepositRange", await call("getDepositRange", { token, body: RUSD }));
    expect(range).toMatchObject({ fromCurrency: "rusd", fromNetwork: "base" });
    const { estimate } = expectOk("estimateDeposit", await call("estimateDeposit", { token, body: { ...RUSD, amount: 25, amountCurrency: "usd" } }));
    expect(estimate).toMatchObject({ quotedAmount: 25, quotedAmountCurrency: "usd" });
  });

  it("refuse a zero amount and an unknown field", async () => {
    const { token } = await newUser();
    expectError(await call("estimateDeposit", { token, body: { ...RUSD, amount: 0 } }), 400, "invalid_request", "amount");
    expectError(await call("getDepositRange", { token, body: { ...RUSD, memo: "x" } }), 400, "invalid_request", "memo");
    expectError(await call("listDepositAssets", { token, query: { limit: "0" } }), 400, "invalid_request", "limit");
  });
});

describe("deposits", () => {
  it("are refused before agreements are accepted (409 agreements_required)", async () => {
    const { token } = await newUser("approved");
    expectError(await call("createDeposit", { token, body: RUSD, idempotencyKey: crypto.randomUUID() }), 409, "agreements_required");
  });

  it("are created (201) with an address, then read, listed and completed", async () => {
    const { token } = await newUser("agreed");
    const { deposit } = expectOk("createDeposit", await call("createDeposit", { token, body: { ...RUSD, amount: 10 } }));
    expect(deposit).toMatchObject({ fromCurrency: "rusd", fromNetwork: "base", status: "awaitingDeposit", payinExtraId: null });
    expect(deposit.depositAddress).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(expectOk("getDeposit", await call("getDeposit", { token, params: { depositId: deposit.id } })).deposit).toEqual(deposit);
    expect(expectOk("listDeposits", await call("listDeposits", { token })).deposits.map((d) => d.id)).toContain(deposit.id);

    await controls().completeDeposit(deposit.id, 10_00);
    expect(expectOk("getDeposit", await call("getDeposit", { token, params: { depositId: deposit.id } })).deposit.status).toBe("completed");
    expect(expectOk("listDeposits", await call("listDeposits", { token, query: { scope: "all" } })).deposits.map((d) => d.id)).toContain(deposit.id);
  });

  it("are created once per Idempotency-Key", async () => {
    const { token } = await newUser("agreed");
    const idempotencyKey = crypto.randomUUID();
    const replies = await Promise.all([1, 2, 3].map(() => call("createDeposit", { token, body: RUSD, idempotencyKey })));
    const ids = new Set(replies.map((r) => expectOk("createDeposit", r).deposit.id));
    expect(ids.size).toBe(1);
  });

  it("of another user are not found (404)", async () => {
    const owner = await newUser("agreed");
    const { deposit } = expectOk("createDeposit", await call("createDeposit", { token: owner.token, body: RUSD }));
    const stranger = await newUser("agreed");
    expectError(await call("getDeposit", { token: stranger.token, params: { depositId: deposit.id } }), 404, "not_found");
  });

  it("refuse a malformed deposit id and scope", async () => {
    const { token } = await newUser();
    expectError(await call("getDeposit", { token, params: { depositId: "short" } }), 400, "invalid_request", "depositId");
    expectError(await call("listDeposits", { token, query: { scope: "everything" } }), 400, "invalid_request", "scope");
  });
});
