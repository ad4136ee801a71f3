import { describe, expect, it } from "vitest";
import { nextStep } from "./next-step";

const money = (creditLimit: number) => ({ creditLimit, pendingCharges: 0, postedCharges: 0, balanceDue: 0, spendingPower: creditLimit });

describe("nextStep", () => {
  it.each([
    [{ kycStatus: "not_submitted", agreementsAccepted: false, balances: null }, "kyc"],
    [{ kycStatus: "needs_verification", agreementsAccepted: false, balances: null }, "kyc"],
    [{ kycStatus: "denied", agreementsAccepted: false, balances: null }, "kyc"],
    [{ kycStatus: "approved", agreementsAccepted: false, balances: null }, "agreements"],
    [{ kycStatus: "approved", agreementsAccepted: true, balances: null }, "deposit"],
    [{ kycStatus: "approved", agreementsAccepted: true, balances: money(0) }, "deposit"],
    [{ kycStatus: "approved", agreementsAccepted: true, balances: money(5000) }, "card"],
  ] as const)("%o → %s", (state, step) => {
    expect(nextStep(state)).toBe(step);
  });
});
