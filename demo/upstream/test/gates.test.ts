import { describe, expect, it } from "vitest";
import { application, createHarness, WALLET } from "./harness";

describe("onboarding gates", () => {
  it("409 kyc required for non-KYC scopes before approval, then allowed after", async () => {
    const { partner, call, session } = createHarness();
    const blocked = await partner("POST", "/sessions", { userId: "dave", walletAddress: WALLET, scopes: ["kyc.read", "cards.read"] });
    expect(blocked.status).toBe(409);
    expect(blocked.json.errors).toEqual([{ code: "kyc_required", message: "kyc required" }]);
    expect(blocked.json.summary).toMatch(/kyc required/i);
    const token = await session("dave", ["kyc.read", "kyc.write"]);
    await call("POST", "/kyc/applications", { token, body: application("approved") });
    expect((await partner("POST", "/sessions", { userId: "dave", walletAddress: WALLET, scopes: ["cards.read"] })).status).toBe(200);
  });

  it("409 invalid_state on agreements before approval", async () => {
    const { call, session } = createHarness();
    const token = await session("erin", ["kyc.read", "kyc.write"]);
    for (const [method, body] of [["GET", undefined], ["POST", { accepted: true }]] as const) {
      const reply = await call(method, "/agreements", { token, body });
      expect(reply.status).toBe(409);
      expect(reply.json.errors[0].code).toBe("invalid_state");
    }
  });

  it("409 agreements_required on card, deposit and withdrawal create before acceptance", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("frank", { agreements: false });
    const creates: [string, unknown][] = [
      ["/cards", {}],
      ["/deposits", { currency: "rusd", network: "base" }],
      ["/withdrawals", { amountCents: 500, destination: { currency: "rusd", network: "base", address: WALLET } }],
    ];
    for (const [path, body] of creates) {
      const reply = await call("POST", path, { token, body, idempotencyKey: "key-12345678" });
      expect(reply.status, path).toBe(409);
      expect(reply.json.errors[0].code, path).toBe("agreements_required");
    }
  });

  it("agreements: accepted:false is 400; accepting twice keeps the first acceptedAt; ToS flag follows", async () => {
    const { call, onboard, clock } = createHarness();
    const { kycToken } = await onboard("gina", { agreements: false });
    const refused = await call("POST", "/agreements", { token: kycToken, body: { accepted: false } });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0]).toMatchObject({ field: "accepted", message: "accepted must be true to accept the agreements" });
    const first = await call("POST", "/agreements", { token: kycToken, body: { accepted: true } });
    clock.advance(30);
    const second = await call("POST", "/agreements", { token: kycToken, body: { accepted: true } });
    expect(second.json.data.acceptedAt).toBe(first.json.data.acceptedAt);
    expect((await call("GET", "/kyc/status", { token: kycToken })).json.data.isTermsOfServiceAccepted).toBe(true);
  });
});

describe("KYC", () => {
  it("serves /kyc/schema as an alias of /kyc/values", async () => {
    const { call, session } = createHarness();
    const token = await session("hank", ["kyc.read"]);
    const [values, schema] = await Promise.all([call("GET", "/kyc/values", { token }), call("GET", "/kyc/schema", { token })]);
    expect(schema.json).toEqual(values.json);
    expect(values.json.data.annualSalary[1]).toBe("50k\u201399k");
  });

  it("validates applications field by field", async () => {
    const { call, session } = createHarness();
    const token = await session("ivy", ["kyc.write"]);
    const { email: _email, ...noEmail } = application("x");
    const reply = await call("POST", "/kyc/applications", {
      token,
      body: { ...noEmail, birthDate: "1990-02-30", annualSalary: "50000-75000", address: { ...application("x").address, postalCode: 10001 } },
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["address.postalCode", "annualSalary", "birthDate", "email"]);
    expect(reply.json.errors.find((e: { field: string }) => e.field === "email").message).toBe("email is required");
  });

  it("a status reported 'not_submitted' until submitted", async () => {
    const { call, session } = createHarness();
    const token = await session("jack", ["kyc.read"]);
    expect((await call("GET", "/kyc/status", { token })).json.data).toEqual({
      status: "not_submitted",
      reason: null,
      completionLink: null,
      externalVerificationLink: null,
      isActive: null,
      isTermsOfServiceAccepted: false,
    });
  });

  it("approves any last name containing 'approved' in any case", async () => {
    const { call, session } = createHarness();
    for (const [i, lastName] of ["approved", "TestApproved", "APPROVED-smith"].entries()) {
      const token = await session(`user-${i}`, ["kyc.write"]);
      expect((await call("POST", "/kyc/applications", { token, body: application(lastName) })).json.data.status).toBe("approved");
    }
  });

  it("allows resubmission while pending, refuses it after a final status", async () => {
    const { call, session } = createHarness();
    const token = await session("kim", ["kyc.write", "kyc.read"]);
    expect((await call("POST", "/kyc/applications", { token, body: application("smith") })).json.data.status).toBe("needs_verification");
    expect((await call("POST", "/kyc/applications", { token, body: application("approved") })).json.data.status).toBe("approved");
    const again = await call("POST", "/kyc/applications", { token, body: application("smith") });
    expect(again.status).toBe(409);
    expect(again.json.errors[0]).toEqual({ code: "invalid_state", message: "kyc is approved; the application cannot be resubmitted" });
  });

  it("reaches denied, needs_information and manual_review through the control route", async () => {
    const { call, session } = createHarness();
    const token = await session("leo", ["kyc.write", "kyc.read"]);
    await call("POST", "/kyc/applications", { token, body: application("smith") });
    for (const status of ["manual_review", "needs_information", "denied"]) {
      const set = await call("POST", "/sandbox/users/leo/kyc", { body: { status, reason: "sandbox says so" } });
      expect(set.status).toBe(200);
      const reply = await call("GET", "/kyc/status", { token });
      expect(reply.json.data.status).toBe(status);
      expect(reply.json.data.reason).toBe("sandbox says so");
    }
    const status = await call("GET", "/kyc/status", { token });
    expect(status.json.data).toMatchObject({ completionLink: null, isActive: false });
    expect((await call("POST", "/sandbox/users/leo/kyc", { body: { status: "bogus" } })).status).toBe(400);
    expect((await call("POST", "/sandbox/users/nobody/kyc", { body: { status: "approved" } })).status).toBe(404);
  });
});

describe("the hosted verification page", () => {
  async function pending() {
    const harness = createHarness();
    const token = await harness.session("mia", ["kyc.write", "kyc.read"]);
    const reply = await harness.call("POST", "/kyc/applications", { token, body: { ...application("smith"), firstName: "<Mia>" } });
    const { url, params } = reply.json.data.completionLink;
    const path = `${new URL(url).pathname}?userId=${encodeURIComponent(params.userId)}&signature=${encodeURIComponent(params.signature)}`;
    return { ...harness, token, path, params };
  }

  it("is plain HTML without scripts, under a strict CSP, with the applicant escaped", async () => {
    const { app, path } = await pending();
    const response = await app.request(path);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|\son\w+=|\sstyle=/i);
    expect(html).toContain("&lt;Mia&gt; smith");
    expect(html).toMatch(/<button type="submit" name="decision" value="approve">/);
    const css = await app.request("/sandbox/kyc/verify.css");
    expect(css.headers.get("content-type")).toMatch(/text\/css/);
  });

  it.each([
    ["approve", "approved"],
    ["deny", "denied"],
    ["more-information", "needs_information"],
  ])("%s moves the application to %s", async (decision, status) => {
    const { app, call, token, path, params } = await pending();
    const form = new URLSearchParams({ userId: params.userId, signature: params.signature, decision });
    const response = await app.request(path, { method: "POST", body: form });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`<dd id="status">${status}</dd>`);
    expect((await call("GET", "/kyc/status", { token })).json.data.status).toBe(status);
  });

  it("refuses a link with a wrong signature", async () => {
    const { app, call, token } = await pending();
    const forged = await app.request("/sandbox/kyc/verify?userId=mia&signature=forged");
    expect(forged.status).toBe(403);
    const post = await app.request("/sandbox/kyc/verify", { method: "POST", body: new URLSearchParams({ userId: "mia", signature: "x", decision: "approve" }) });
    expect(post.status).toBe(403);
    expect((await call("GET", "/kyc/status", { token })).json.data.status).toBe("needs_verification");
  });
});
