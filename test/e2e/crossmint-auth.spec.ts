/**
 * The Crossmint auth adapter (widget/src/auth/crossmint-auth.ts) with the real @crossmint/client-sdk-auth,
 * tested up to Crossmint's HTTP boundary in Chromium, offline: Crossmint's hosts are answered by the
 * test (support/crossmint-page.ts). The endpoints and shapes are those the SDK calls and reads
 * (@crossmint/client-sdk-auth 1.3.10, @crossmint/common-sdk-auth 1.1.8, API version 2024-09-26):
 *   POST /api/2024-09-26/session/sdk/auth/otps/send              {email}                → {emailId}
 *   POST /api/2024-09-26/session/sdk/auth/authenticate?email&token&state=<emailId>&…   → {oneTimeSecret}
 *   POST /api/2024-09-26/session/sdk/auth/refresh                {refresh}              → {jwt, refresh: {secret, expiresAt}, user}
 *   POST /api/2024-09-26/session/sdk/auth/logout                 {refresh}
 * A refusal below 500 is read as JSON `{message}`; 500 and above fail in the SDK's API client.
 */
import { expect, test, type Page } from "@playwright/test";
import { crossmintJwt, openPartnerPage, type CrossmintReply, type CrossmintRequest } from "./support/crossmint-page";

const AUTH = "/api/2024-09-26/session/sdk/auth";
const PROJECT = "proj-test-1";
const USER = { id: "cm-user-1", email: "ada@example.com" };

interface Harness {
  installTestKeyIssuer(): (environment: "staging" | "production", projectId: string) => string;
  createAuth(config: { provider: "crossmint"; clientApiKey: string }): Promise<AuthAdapterInPage>;
}
interface AuthAdapterInPage {
  restore(): Promise<unknown>;
  sendCode(email: string): Promise<unknown>;
  verifyCode(email: string, code: string): Promise<unknown>;
  token(): Promise<string | null>;
  renew(): Promise<string | null>;
  signOut(): Promise<void>;
}
declare global {
  interface Window {
    harness: Harness;
    auth: AuthAdapterInPage;
    clientKey: string;
  }
}

/** Crossmint's sign-in server, as the SDK sees it: one code per email, refresh secrets rotated on use. */
function crossmintSignIn(options: { jwtLifetimeSeconds?: number } = {}) {
  let generation = 0;
  const live = new Set<string>();
  const material = () => {
    generation += 1;
    const secret = `refresh-secret-${generation}`;
    live.add(secret);
    return {
      jwt: crossmintJwt({ sub: USER.id, aud: PROJECT, email: USER.email, expiresInSeconds: options.jwtLifetimeSeconds ?? 3600 }),
      refresh: { secret, expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      user: { id: USER.id, email: USER.email },
    };
  };
  return {
    live,
    answer(request: CrossmintRequest): CrossmintReply {
      const path = request.url.pathname;
      if (path === `${AUTH}/otps/send`) return { body: { emailId: "email-id-1" } };
      if (path === `${AUTH}/authenticate`) {
        const q = request.url.searchParams;
        return q.get("token") === "123456" && q.get("state") === "email-id-1" ? { body: { oneTimeSecret: "one-time-secret-1" } } : { status: 400, body: { message: "Invalid token" } };
      }
      if (path === `${AUTH}/refresh`) {
        const refresh = (request.body as { refresh?: string }).refresh ?? "";
        if (refresh !== "one-time-secret-1" && !live.delete(refresh)) return { status: 401, body: { message: "Invalid refresh token" } };
        return { body: material() };
      }
      if (path === `${AUTH}/logout`) {
        live.delete((request.body as { refresh?: string }).refresh ?? "");
        return { body: {} };
      }
      return { status: 404, body: { message: "Not found" } };
    },
  };
}

/** Opens the page and creates the adapter the way the element does (`createAuth` with the Worker's config). */
async function signInPage(page: Page, answer: (r: CrossmintRequest) => CrossmintReply, environment: "staging" | "production" = "staging") {
  const fake = await openPartnerPage(page, answer);
  const clientKey = await page.evaluate(
    async ([environment, project]) => {
      const key = window.harness.installTestKeyIssuer()(environment, project);
      window.clientKey = key;
      window.auth = await window.harness.createAuth({ provider: "crossmint", clientApiKey: key });
      return key;
    },
    [environment, PROJECT] as const,
  );
  return { fake, clientKey };
}

const cookieNames = (page: Page) => page.evaluate(() => document.cookie.split("; ").map((c) => c.split("=")[0] ?? ""));

test.describe("Crossmint auth adapter, up to Crossmint's API", () => {
  test("sends the code through Crossmint's email OTP endpoint, with the client key, on the key's environment", async ({ page }) => {
    const server = crossmintSignIn();
    const { fake, clientKey } = await signInPage(page, server.answer);
    const sent = await page.evaluate(() => window.auth.sendCode("ada@example.com"));

    expect(sent).toEqual({ email: "ada@example.com", expiresAt: null });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url.origin).toBe("https://staging.crossmint.com");
    expect(request!.url.pathname).toBe(`${AUTH}/otps/send`);
    expect(request!.headers["x-api-key"]).toBe(clientKey);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-client-name"]).toBe("@crossmint/common-sdk-auth");
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.body).toEqual({ email: "ada@example.com" });
    expect(fake.unexpected).toEqual([]);
  });

  test("a production key talks to www.crossmint.com", async ({ page }) => {
    const server = crossmintSignIn();
    const { fake } = await signInPage(page, server.answer, "production");
    await page.evaluate(() => window.auth.sendCode("ada@example.com"));
    expect(fake.requests.map((r) => r.url.origin)).toEqual(["https://www.crossmint.com"]);
  });

  test("verifies the code, starts a session from the one-time secret, and keeps it across a reload", async ({ page }) => {
    const server = crossmintSignIn();
    const { fake } = await signInPage(page, server.answer);
    const user = await page.evaluate(async () => {
      await window.auth.sendCode("ada@example.com");
      return window.auth.verifyCode("ada@example.com", "123456");
    });
    expect(user).toEqual({ id: USER.id, email: USER.email });

    const authenticate = fake.to("/authenticate")[0]!;
    expect(authenticate.method).toBe("POST");
    expect(Object.fromEntries(authenticate.url.searchParams)).toMatchObject({
      email: "ada@example.com",
      token: "123456",
      state: "email-id-1",
      signinAuthenticationMethod: "email",
      callbackUrl: `https://staging.crossmint.com${AUTH}/callback`,
    });
    expect(fake.to("/refresh").map((r) => r.body)).toEqual([{ refresh: "one-time-secret-1" }]);

    // The JWT is served from memory while it is fresh: no further request.
    const before = fake.requests.length;
    const jwt = await page.evaluate(() => window.auth.token());
    expect(jwt?.split(".")).toHaveLength(3);
    expect(fake.requests.length).toBe(before);
    // The SDK keeps the refresh secret in a cookie scoped to the project; that is what survives a reload.
    expect(await cookieNames(page)).toContain(`crossmint-refresh-token-${PROJECT}`);

    await page.reload();
    await page.waitForFunction(() => "harness" in window);
    const refreshesBefore = fake.to("/refresh").length;
    const restored = await page.evaluate(async (project) => {
      const key = window.harness.installTestKeyIssuer()("staging", project);
      window.auth = await window.harness.createAuth({ provider: "crossmint", clientApiKey: key });
      return { user: await window.auth.restore(), token: await window.auth.token() };
    }, PROJECT);
    expect(restored.user).toEqual({ id: USER.id, email: USER.email });
    expect(restored.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // One refresh, with the secret from the cookie (a second one would reuse a rotated secret).
    expect(fake.to("/refresh").slice(refreshesBefore).map((r) => r.body)).toEqual([{ refresh: "refresh-secret-1" }]);
    expect(fake.unexpected).toEqual([]);
  });

  test("renews the JWT with the rotated refresh secret, by itself when it is about to expire", async ({ page }) => {
    const server = crossmintSignIn({ jwtLifetimeSeconds: 30 });
    const { fake } = await signInPage(page, server.answer);
    const tokens = await page.evaluate(async () => {
      await window.auth.sendCode("ada@example.com");
      await window.auth.verifyCode("ada@example.com", "123456");
      const renewed = await window.auth.renew();
      const automatic = await window.auth.token();
      return { renewed, automatic };
    });
    expect(fake.to("/refresh").map((r) => r.body)).toEqual([{ refresh: "one-time-secret-1" }, { refresh: "refresh-secret-1" }, { refresh: "refresh-secret-2" }]);
    expect(tokens.renewed).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(tokens.automatic).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  test("signs out at Crossmint with the refresh secret and forgets the session", async ({ page }) => {
    const server = crossmintSignIn();
    const { fake } = await signInPage(page, server.answer);
    await page.evaluate(async () => {
      await window.auth.sendCode("ada@example.com");
      await window.auth.verifyCode("ada@example.com", "123456");
      await window.auth.signOut();
    });
    expect(fake.to("/logout").map((r) => ({ method: r.method, body: r.body }))).toEqual([{ method: "POST", body: { refresh: "refresh-secret-1" } }]);
    expect(server.live.size).toBe(0);
    expect((await cookieNames(page)).filter((name) => name.startsWith("crossmint-"))).toEqual([]);
    const after = fake.requests.length;
    expect(await page.evaluate(() => window.auth.token())).toBeNull();
    expect(await page.evaluate(() => window.auth.restore())).toBeNull();
    expect(fake.requests.length).toBe(after);
  });

  test("a refresh secret Crossmint no longer accepts ends the session: renew() answers null", async ({ page }) => {
    const server = crossmintSignIn();
    await signInPage(page, server.answer);
    await page.evaluate(async () => {
      await window.auth.sendCode("ada@example.com");
      await window.auth.verifyCode("ada@example.com", "123456");
    });
    server.live.clear(); // revoked at Crossmint (signed out elsewhere)
    expect(await page.evaluate(() => window.auth.renew())).toBeNull();
    expect(await page.evaluate(() => window.auth.token())).toBeNull();
  });
});

/** What the page saw of a failed call: the error's class, code and fields (never the cause). */
interface SeenError {
  name: string;
  isAuthError: boolean;
  code: string;
  message: string;
  field?: string;
  retryAfterSeconds?: number;
}

async function failure(page: Page, call: "sendCode" | "verifyCode"): Promise<SeenError> {
  return page.evaluate(async (call) => {
    try {
      if (call === "sendCode") await window.auth.sendCode("ada@example.com");
      else await window.auth.verifyCode("ada@example.com", "123456");
    } catch (e) {
      const error = e as Error & { code: string; field?: string; retryAfterSeconds?: number };
      const seen: Record<string, unknown> = { name: error.name, isAuthError: error instanceof (window.harness as unknown as { AuthError: typeof Error }).AuthError, code: error.code, message: error.message };
      if (error.field) seen.field = error.field;
      if (error.retryAfterSeconds) seen.retryAfterSeconds = error.retryAfterSeconds;
      return seen as unknown as SeenError;
    }
    throw new Error(`${call} did not fail`);
  }, call);
}

/** Nothing secret in a message the page (and the mc-error event) sees. */
function expectNothingLeaked(error: SeenError, clientKey: string) {
  for (const secret of [clientKey, "one-time-secret", "refresh-secret", "eyJ"]) expect(error.message).not.toContain(secret);
}

test.describe("Crossmint auth adapter, when Crossmint refuses or cannot be reached", () => {
  const sending: [string, CrossmintReply, Partial<SeenError>][] = [
    ["unreachable (request aborted)", "abort", { code: "network_error" }],
    ["a key Crossmint does not know (401)", { status: 401, body: { message: "Invalid API key" } }, { code: "provider_error" }],
    [
      "an origin the key does not allow (403)",
      { status: 403, body: { message: 'Request from origin "https://partner.test" is not allowed for this API key' } },
      { code: "provider_error" },
    ],
    [
      "too many codes (429 with Retry-After)",
      { status: 429, body: { message: "Too many requests" }, headers: { "Retry-After": "30", "Access-Control-Expose-Headers": "Retry-After" } },
      { code: "rate_limited", retryAfterSeconds: 30 },
    ],
    ["an address Crossmint refuses (400)", { status: 400, body: { message: "Invalid email" } }, { code: "invalid_email", field: "email" }],
    ["down (503)", { status: 503, body: "<html>Service Unavailable</html>" }, { code: "provider_error" }],
  ];
  for (const [what, reply, expected] of sending) {
    test(`sending a code, Crossmint ${what}: ${expected.code}`, async ({ page }) => {
      const { clientKey } = await signInPage(page, () => reply);
      const error = await failure(page, "sendCode");
      expect(error).toMatchObject({ isAuthError: true, ...expected });
      expect(error.message).toMatch(/Crossmint/);
      expectNothingLeaked(error, clientKey);
    });
  }

  test("a 401 or 403 on sending says to check the client key and the allowed origins", async ({ page }) => {
    await signInPage(page, () => ({ status: 403, body: { message: 'Request from origin "https://partner.test" is not allowed for this API key' } }));
    const error = await failure(page, "sendCode");
    expect(error.message).toMatch(/client key/);
    expect(error.message).toMatch(/origin/);
  });

  const verifying: [string, (server: ReturnType<typeof crossmintSignIn>) => (r: CrossmintRequest) => CrossmintReply, Partial<SeenError>][] = [
    ["a wrong code (400)", (s) => (r) => (r.url.pathname.endsWith("/authenticate") ? { status: 400, body: { message: "Invalid token" } } : s.answer(r)), { code: "otp_invalid", field: "code" }],
    [
      "an expired code (400 'expired')",
      (s) => (r) => (r.url.pathname.endsWith("/authenticate") ? { status: 400, body: { message: "Token expired" } } : s.answer(r)),
      { code: "otp_expired", field: "code" },
    ],
    ["too many tries (429)", (s) => (r) => (r.url.pathname.endsWith("/authenticate") ? { status: 429, body: { message: "Too many requests" } } : s.answer(r)), { code: "otp_attempts_exceeded" }],
    ["unreachable while checking the code", (s) => (r) => (r.url.pathname.endsWith("/authenticate") ? "abort" : s.answer(r)), { code: "network_error" }],
    ["down while checking the code (502)", (s) => (r) => (r.url.pathname.endsWith("/authenticate") ? { status: 502, body: "Bad gateway" } : s.answer(r)), { code: "provider_error" }],
    ["unreachable while starting the session", (s) => (r) => (r.url.pathname.endsWith("/refresh") ? "abort" : s.answer(r)), { code: "network_error" }],
    ["down while starting the session (500)", (s) => (r) => (r.url.pathname.endsWith("/refresh") ? { status: 500, body: "oops" } : s.answer(r)), { code: "provider_error" }],
  ];
  for (const [what, answer, expected] of verifying) {
    test(`verifying, Crossmint ${what}: ${expected.code}`, async ({ page }) => {
      const server = crossmintSignIn();
      const { clientKey } = await signInPage(page, answer(server));
      await page.evaluate(() => window.auth.sendCode("ada@example.com"));
      const error = await failure(page, "verifyCode");
      expect(error).toMatchObject({ isAuthError: true, ...expected });
      expectNothingLeaked(error, clientKey);
    });
  }

  test("a client key that is not Crossmint's is refused before any request, without repeating the key", async ({ page }) => {
    const fake = await openPartnerPage(page, () => ({ status: 500 }));
    const errors = await page.evaluate(async () => {
      const issue = window.harness.installTestKeyIssuer();
      const forged = `${issue("staging", "proj-test-1").slice(0, -4)}abcd`;
      const out = [];
      for (const clientKey of ["ck_staging_not-a-key", forged, "sk_production_server-key"]) {
        try {
          await window.harness.createAuth({ provider: "crossmint", clientApiKey: clientKey });
          out.push({ clientKey, code: "none", message: "", isAuthError: false });
        } catch (e) {
          const error = e as Error & { code: string };
          out.push({ clientKey, code: error.code, message: error.message, isAuthError: error instanceof (window.harness as unknown as { AuthError: typeof Error }).AuthError });
        }
      }
      return out;
    });
    for (const error of errors) {
      expect(error).toMatchObject({ isAuthError: true, code: "provider_error" });
      expect(error.message).toMatch(/client key/);
      expect(error.message).not.toContain(error.clientKey);
    }
    expect(fake.requests).toEqual([]);
  });
});
