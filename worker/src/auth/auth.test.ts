import { describe, expect, inject, it } from "vitest";
import { call, expectError, expectOk } from "../../test/helpers/api";
import { workerWith } from "../../test/helpers/worker-with";

const tokens = () => inject("sandbox").tokens;

describe("bearer token verification (JWKS, kid, RS256/ES256, issuer, audience, expiry)", () => {
  it("accepts a token from the issuer (the control)", async () => {
    expectOk("getMe", await call("getMe", { token: tokens().valid }));
  });

  it("answers token_expired for an expired token, so the widget refreshes", async () => {
    const reply = expectError(await call("getMe", { token: tokens().expired }), 401, "token_expired");
    expect(reply.errors[0]!.message).toMatch(/expired/);
  });

  it.each(["wrongAudience", "wrongIssuer", "unknownKey", "unknownKid", "missingKid", "tampered", "unsigned"] as const)(
    "refuses a %s token with 401 unauthorized",
    async (kind) => {
      expectError(await call("getMe", { token: tokens()[kind] }), 401, "unauthorized");
    },
  );

  it.each([
    ["no header", {}],
    ["another scheme", { Authorization: `Basic ${btoa("a:b")}` }],
    ["an empty bearer", { Authorization: "Bearer " }],
    ["not a JWT", { Authorization: "Bearer not-a-jwt" }],
    ["two tokens", { Authorization: `Bearer a.b.c d.e.f` }],
  ])("refuses %s with 401 unauthorized", async (_, headers) => {
    expectError(await call("getMe", { headers }), 401, "unauthorized");
  });

  it("answers 502 when the signing keys cannot be fetched (the token may be fine)", async () => {
    const reply = await call("getMe", { token: tokens().valid, fetcher: workerWith({ CROSSMINT_JWKS_URL: "http://127.0.0.1:9/jwks.json" }) });
    expectError(reply, 502, "upstream_unavailable");
  });

  it("checks the audience it is configured with", async () => {
    const reply = await call("getMe", { token: tokens().valid, fetcher: workerWith({ CROSSMINT_AUDIENCE: "another-project" }) });
    expectError(reply, 401, "unauthorized");
  });
});
