import { describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "#test/helpers/api";
import { controls } from "#test/helpers/sandbox";
import { newUser } from "#test/helpers/users";

describe("GET /v1/transactions", () => {
  it("needs KYC approval first (the card session): 409 kyc_required", async () => {
    const { token } = await newUser();
    expectError(await call("listTransactions", { token }), 409, "kyc_required");
  });

  it("lists card activity, filtered by type and card", async () => {
    const { token } = await newUser("agreed");
    const { deposit } = expectOk("createDeposit", await call("createDeposit", { token, body: { currency: "rusd", network: "base" } }));
    await controls().completeDeposit(deposit.id, 100_00);
    const { card } = expectOk("createCard", await call("createCard", { token, body: {}, idempotencyKey: crypto.randomUUID() }));
    await controls().purchase(card.id, 12_99, "Coffee Shop");

    const all = expectOk("listTransactions", await call("listTransactions", { token }));
    const spend = all.transactions.find((t) => t.type === "spend");
    expect(spend).toMatchObject({ amountCents: 12_99, merchantName: "Coffee Shop", cardId: card.id, currency: expect.any(String) });
    expect(all.nextCursor === null || typeof all.nextCursor === "string").toBe(true);

    const spends = expectOk("listTransactions", await call("listTransactions", { token, query: { type: "spend", cardId: card.id, limit: "10" } }));
    expect(spends.transactions.every((t) => t.type === "spend" && t.cardId === card.id)).toBe(true);
    const fees = expectOk("listTransactions", await call("listTransactions", { token, query: { type: "fee" } }));
    expect(fees.transactions.every((t) => t.type === "fee")).toBe(true);
  });

  it("refuses unknown types and out-of-range limits", async () => {
    const { token } = await newUser();
    expectError(await call("listTransactions", { token, query: { type: "spend,refund" } }), 400, "invalid_request", "type");
    expectError(await call("listTransactions", { token, query: { limit: "101" } }), 400, "invalid_request", "limit");
  });
});
