import { describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "#test/helpers/api";
import { newUser } from "#test/helpers/users";

describe("agreements", () => {
  it("are closed until KYC is approved: 409 kyc_required", async () => {
    const { token } = await newUser();
    expectError(await call("getAgreements", { token }), 409, "kyc_required");
    expectError(await call("acceptAgreements", { token, body: { accepted: true } }), 409, "kyc_required");
  });

  it("list the documents to accept, then record consent once", async () => {
    const { token } = await newUser("approved");
    const before = expectOk("getAgreements", await call("getAgreements", { token }));
    expect(before.accepted).toBe(false);
    expect(before.agreements.map((a) => a.id)).toEqual(expect.arrayContaining(["esignConsent", "cardTermsAndIssuerPrivacyPolicy"]));
    const accepted = expectOk("acceptAgreements", await call("acceptAgreements", { token, body: { accepted: true } }));
    expect(accepted.accepted).toBe(true);
    expect(Date.parse(accepted.acceptedAt!)).not.toBeNaN();
    const again = expectOk("acceptAgreements", await call("acceptAgreements", { token, body: { accepted: true } }));
    expect(again.acceptedAt).toBe(accepted.acceptedAt);
  });

  it("need explicit consent: accepted must be true", async () => {
    const { token } = await newUser("approved");
    expectError(await call("acceptAgreements", { token, body: { accepted: false } }), 400, "invalid_request", "accepted");
    expectError(await call("acceptAgreements", { token, body: {} }), 400, "invalid_request", "accepted");
  });
});
