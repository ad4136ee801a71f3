import { beforeEach, describe, expect, it } from "vitest";
import { createIdentityIssuer, type IdentityIssuer } from "./identity-issuer";

let clock: number;
let printed: string[];
let identity: IdentityIssuer;

beforeEach(async () => {
  clock = Date.parse("2026-01-01T00:00:00Z");
  printed = [];
  identity = await createIdentityIssuer({ logger: (line) => printed.push(line), now: () => clock });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  identity.app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

async function errorOf(res: Response) {
  const body = (await res.json()) as { ok: boolean; data: null; summary: string; errors: { code: string; field?: string }[] };
  expect(body).toMatchObject({ ok: false, data: null });
  expect(body.summary).toBeTruthy();
  return { status: res.status, code: body.errors[0]!.code, field: body.errors[0]!.field };
}

async function codeFor(email: string): Promise<string> {
  const res = await identity.app.request(`/otp/codes?email=${encodeURIComponent(email)}`);
  const { codes } = (await res.json()) as { codes: { code: string; status: string }[] };
  return codes[0]!.code;
}

describe("email one-time code", () => {
  it("prints the code and lists it for the sandbox page, but never returns it from start", async () => {
    const res = await post("/otp/start", { email: " Ada@Example.com" });
    expect(res.status).toBe(200);
    const text = await res.text();
    const code = await codeFor("ada@example.com");
    expect(code).toMatch(/^\d{6}$/);
    expect(text).not.toContain(code);
    expect(JSON.parse(text)).toEqual({ email: "ada@example.com", expiresAt: "2026-01-01T00:10:00.000Z", delivery: "sandbox-console" });
    expect(printed.join("\n")).toContain(`ada@example.com: ${code}`);
  });

  it("signs in with the right code: a JWT, a refresh token and the user", async () => {
    await post("/otp/start", { email: "ada@example.com" });
    const res = await post("/otp/verify", { email: "ADA@example.com", code: await codeFor("ada@example.com") });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      jwt: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      refreshToken: expect.stringMatching(/^rt_/),
      expiresAt: "2026-01-01T00:15:00.000Z",
      user: { id: await identity.userIdForEmail("ada@example.com"), email: "ada@example.com" },
    });
    await expect(identity.verifyToken(body.jwt as string)).resolves.toMatchObject({ email: "ada@example.com" });
  });

  it("uses a code once", async () => {
    await post("/otp/start", { email: "ada@example.com" });
    const code = await codeFor("ada@example.com");
    expect((await post("/otp/verify", { email: "ada@example.com", code })).status).toBe(200);
    expect(await errorOf(await post("/otp/verify", { email: "ada@example.com", code }))).toEqual({ status: 401, code: "otp_used", field: "code" });
  });

  it("refuses a wrong code, counting down the attempts, then locks the code even for the right one", async () => {
    await post("/otp/start", { email: "ada@example.com" });
    const right = await codeFor("ada@example.com");
    const wrong = right === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      const res = await post("/otp/verify", { email: "ada@example.com", code: wrong });
      const body = (await res.clone().json()) as { errors: { message: string }[] };
      expect(await errorOf(res)).toEqual({ status: 401, code: "otp_invalid", field: "code" });
      expect(body.errors[0]!.message).toContain(`${left} attempt`);
    }
    expect(await errorOf(await post("/otp/verify", { email: "ada@example.com", code: wrong }))).toMatchObject({ status: 429, code: "otp_attempts_exceeded" });
    expect(await errorOf(await post("/otp/verify", { email: "ada@example.com", code: right }))).toMatchObject({ status: 429, code: "otp_attempts_exceeded" });
  });

  it("refuses an expired code", async () => {
    await post("/otp/start", { email: "ada@example.com" });
    const code = await codeFor("ada@example.com");
    clock += 10 * 60_000;
    expect(await errorOf(await post("/otp/verify", { email: "ada@example.com", code }))).toEqual({ status: 401, code: "otp_expired", field: "code" });
  });

  it("refuses a code for an email that asked for none", async () => {
    await post("/otp/start", { email: "ada@example.com" });
    const code = await codeFor("ada@example.com");
    expect(await errorOf(await post("/otp/verify", { email: "grace@example.com", code }))).toEqual({ status: 400, code: "otp_not_requested", field: "email" });
  });

  it("keeps only the latest code of an email", async () => {
    await post("/otp/start", { email: "ada@example.com" });
    const first = await codeFor("ada@example.com");
    clock += 1000;
    await post("/otp/start", { email: "ada@example.com" });
    const second = await codeFor("ada@example.com");
    if (first !== second) expect((await post("/otp/verify", { email: "ada@example.com", code: first })).status).toBe(401);
    expect((await post("/otp/verify", { email: "ada@example.com", code: second })).status).toBe(200);
  });

  it("limits codes per email, with Retry-After, and allows more once the window has passed", async () => {
    for (let i = 0; i < 5; i++) expect((await post("/otp/start", { email: "ada@example.com" })).status).toBe(200);
    const limited = await post("/otp/start", { email: "ada@example.com" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await errorOf(limited)).toEqual({ status: 429, code: "rate_limited", field: "email" });
    expect((await post("/otp/start", { email: "grace@example.com" })).status).toBe(200);
    clock += 15 * 60_000 + 1;
    expect((await post("/otp/start", { email: "ada@example.com" })).status).toBe(200);
  });
});

describe("refresh and sign-out", () => {
  it("refreshes into a new JWT and a rotated refresh token, so a session outlives the JWT", async () => {
    const session = await identity.signIn("ada@example.com");
    clock += 20 * 60_000;
    await expect(identity.verifyToken(session.jwt)).rejects.toMatchObject({ code: "token_expired" });
    const res = await post("/refresh", { refreshToken: session.refreshToken });
    expect(res.status).toBe(200);
    const next = (await res.json()) as { jwt: string; refreshToken: string; user: unknown; expiresAt: string };
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(next.user).toEqual(session.user);
    expect(next.expiresAt).toBe("2026-01-01T00:35:00.000Z");
    await expect(identity.verifyToken(next.jwt)).resolves.toMatchObject({ sub: session.user.id });
  });

  it("honours a rotated token briefly (two tabs), then treats reuse as theft and revokes the sign-in", async () => {
    const session = await identity.signIn("ada@example.com");
    const first = (await (await post("/refresh", { refreshToken: session.refreshToken })).json()) as { refreshToken: string };
    clock += 5_000;
    expect((await post("/refresh", { refreshToken: session.refreshToken })).status).toBe(200);
    clock += 60_000;
    expect(await errorOf(await post("/refresh", { refreshToken: session.refreshToken }))).toEqual({ status: 401, code: "refresh_reused", field: "refreshToken" });
    expect(await errorOf(await post("/refresh", { refreshToken: first.refreshToken }))).toMatchObject({ code: "refresh_invalid" });
  });

  it("refuses an expired refresh token", async () => {
    const session = await identity.signIn("ada@example.com");
    clock += 8 * 24 * 3600_000;
    expect(await errorOf(await post("/refresh", { refreshToken: session.refreshToken }))).toMatchObject({ status: 401, code: "refresh_expired" });
  });

  it("signs out: the refresh token stops working; signing out twice is fine", async () => {
    const session = await identity.signIn("ada@example.com");
    expect(await (await post("/sign-out", { refreshToken: session.refreshToken })).json()).toEqual({ signedOut: true });
    expect((await post("/sign-out", { refreshToken: session.refreshToken })).status).toBe(200);
    expect(await errorOf(await post("/refresh", { refreshToken: session.refreshToken }))).toMatchObject({ status: 401, code: "refresh_invalid" });
  });

  it("answers /me for a valid bearer token only", async () => {
    const session = await identity.signIn("ada@example.com");
    const me = await identity.app.request("/me", { headers: { Authorization: `Bearer ${session.jwt}` } });
    expect(await me.json()).toEqual({ user: session.user, expiresAt: session.expiresAt });
    expect(await errorOf(await identity.app.request("/me"))).toMatchObject({ status: 401, code: "unauthorized" });
    clock += 16 * 60_000;
    const expired = await identity.app.request("/me", { headers: { Authorization: `Bearer ${session.jwt}` } });
    expect(await errorOf(expired)).toMatchObject({ status: 401, code: "token_expired" });
  });
});

describe("bad requests and HTTP hygiene", () => {
  it.each([
    ["/otp/start", "", undefined],
    ["/otp/start", "{not json", undefined],
    ["/otp/start", "[]", undefined],
    ["/otp/start", {}, "email"],
    ["/otp/start", { email: "not-an-email" }, "email"],
    ["/otp/start", { email: 42 }, "email"],
    ["/otp/verify", { email: "ada@example.com" }, "code"],
    ["/otp/verify", { email: "ada@example.com", code: "12345" }, "code"],
    ["/otp/verify", { email: "ada@example.com", code: "12a456" }, "code"],
    ["/refresh", { refreshToken: "" }, "refreshToken"],
    ["/sign-out", {}, "refreshToken"],
  ])("answers 400 invalid_request to POST %s %j", async (path, body, field) => {
    expect(await errorOf(await post(path, body))).toEqual({ status: 400, code: "invalid_request", field });
  });

  it("answers 413 to an oversized body", async () => {
    const res = await post("/otp/start", { email: "a".repeat(20_000) + "@example.com" });
    expect(await errorOf(res)).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("answers a CORS preflight from any origin, and labels replies as sandbox", async () => {
    const res = await identity.app.request("/otp/start", {
      method: "OPTIONS",
      headers: { Origin: "https://partner.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toMatch(/content-type/i);
    const jwks = await identity.app.request("/.well-known/jwks.json");
    expect(jwks.headers.get("x-sandbox")).toBe("identity");
  });

  it("answers JSON 404 for unknown routes", async () => {
    expect(await errorOf(await identity.app.request("/nope"))).toMatchObject({ status: 404, code: "not_found" });
  });

  it("can hide the code list", async () => {
    const quiet = await createIdentityIssuer({ logger: () => {}, exposeCodes: false });
    expect((await quiet.app.request("/otp/codes")).status).toBe(404);
  });
});
