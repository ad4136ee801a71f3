import { describe, expect, it } from "vitest";
import { call, expectOk } from "#test/helpers/api";
import { controls } from "#test/helpers/sandbox";
import { newUser } from "#test/helpers/users";

describe("GET /v1/balances", () => {
  it("answers zero before any deposit, even before KYC (with the KYC session)", async () => {
    const { token } = await newUser();
    expect(expectOk("getBalances", await call("getBalances", { token }))).toEqual({
      creditLimit: 0,
      pendingCharges: 0,
      postedCharges: 0,
      balanceDue: 0,
      spendingPower: 0,
    });
  });

  it("shows the credit of a completed deposit, in cents", async () => {
    const { token } = await newUser("agreed");
    const { deposit } = expectOk("createDeposit", await call("createDeposit", { token, body: { currency: "rusd", network: "base" } }));
    await controls().completeDeposit(deposit.id, 25_00);
    const balances = expectOk("getBalances", await call("getBalances", { token }));
    expect(balances.creditLimit).toBe(25_00);
    expect(balances.spendingPower).toBe(25_00);
  });
});
