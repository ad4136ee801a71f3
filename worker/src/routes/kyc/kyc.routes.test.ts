import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "#test/helpers/api";
import { kycApplication, newUser } from "#test/helpers/users";
import { listAudit } from "../../audit/audit.queries";
import { partnerUserIdFor } from "../../users/partner-user-id";
import { findUserWithSessions } from "../../users/users.queries";

async function partnerIdOf(token: string): Promise<string> {
  return expectOk("getMe", await call("getMe", { token })).user.id;
}

describe("GET /v1/kyc/values", () => {
  it("answers the form: fields with their rules, enums and occupations", async () => {
    const { token } = await newUser();
    const values = expectOk("getKycValues", await call("getKycValues", { token }));
    expect(values.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["firstName", "birthDate", "address", "expectedMonthlyVolume"]));
    expect(values.annualSalary).toContain("50k\u201399k");
    expect(values.occupations.length).toBeGreaterThan(40);
  });
});

describe("GET /v1/kyc/status", () => {
  it("answers not_submitted before any application", async () => {
    const { token } = await newUser();
    expect(expectOk("getKycStatus", await call("getKycStatus", { token }))).toEqual({
      status: "not_submitted",
      reason: null,
      verificationUrl: null,
      isActive: expect.toBeOneOf([null, true, false]),
      isTermsOfServiceAccepted: false,
    });
  });
});

describe("POST /v1/kyc/applications", () => {
  it("approves an 'approved' last name at once, and remembers it for the session choice", async () => {
    const { token, email } = await newUser();
    const state = expectOk("submitKycApplication", await call("submitKycApplication", { token, body: kycApplication({ email }) }));
    expect(state).toMatchObject({ status: "approved", verificationUrl: null });
    expect(expectOk("getKycStatus", await call("getKycStatus", { token })).status).toBe("approved");
    const id = await partnerIdOf(token);
    expect((await findUserWithSessions(env.DB, { partnerUserId: id }))?.user.kycStatus).toBe("approved");
  });

  it("sends anyone else to hosted verification, as one URL to open", async () => {
    const { token, email } = await newUser();
    const state = expectOk("submitKycApplication", await call("submitKycApplication", { token, body: kycApplication({ email, lastName: "Smith" }) }));
    expect(state.status).toBe("needs_verification");
    expect(state.verificationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandbox\/kyc\/verify\?userId=.+&signature=.+/);
  });

  it("refuses a bad application field by field before it reaches Machines", async () => {
    const { token } = await newUser();
    const reply = await call("submitKycApplication", {
      token,
      body: kycApplication({ birthDate: "1990-02-30", email: "not-an-email", address: { line1: "x" }, annualSalary: "50k-99k" }),
    });
    const envelope = expectError(reply, 400, "invalid_request");
    expect(envelope.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(["birthDate", "email", "address.city", "address.region", "address.postalCode", "address.countryCode", "annualSalary"]),
    );
    expect(expectOk("getKycStatus", await call("getKycStatus", { token })).status).toBe("not_submitted");
  });

  it("passes on Machines' 409 invalid_state for a resubmission after approval", async () => {
    const { token, email } = await newUser("approved");
    expectError(await call("submitKycApplication", { token, body: kycApplication({ email }) }), 409, "invalid_state");
  });

  it("limits submissions per user (429 with Retry-After) and audits each without its content", async () => {
    const { token, email } = await newUser();
    for (let i = 0; i < 5; i++) {
      expectOk("submitKycApplication", await call("submitKycApplication", { token, body: kycApplication({ email, lastName: "Smith" }) }));
    }
    const limited = await call("submitKycApplication", { token, body: kycApplication({ email, lastName: "Smith" }) });
    expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another user is not affected.
    const other = await newUser();
    expectOk("submitKycApplication", await call("submitKycApplication", { token: other.token, body: kycApplication({ email: other.email, lastName: "Smith" }) }));

    const audit = await listAudit(env.DB, await partnerIdOf(token), "kyc.submit");
    expect(audit.map((a) => a.outcome)).toEqual(Array(5).fill("needs_verification"));
    const rows = JSON.stringify((await env.DB.prepare("SELECT * FROM audit_events").all()).results);
    expect(rows).not.toContain(email);
    expect(rows).not.toContain("123456789");
  });
});

describe("identity", () => {
  it("reaches Machines as the partner id derived from the token's subject", async () => {
    const { token } = await newUser();
    const me = expectOk("getMe", await call("getMe", { token }));
    const row = (await env.DB.prepare("SELECT crossmint_user_id FROM users WHERE partner_user_id = ?").bind(me.user.id).first<{ crossmint_user_id: string }>())!;
    expect(await partnerUserIdFor(row.crossmint_user_id)).toBe(me.user.id);
  });
});
