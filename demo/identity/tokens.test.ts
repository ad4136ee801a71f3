import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { mkdtemp, rm, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileIdentityStore } from "./file-state";
import { createIdentityIssuer, type IdentityIssuer } from "./identity-issuer";
import { createTestTokens, type TestTokens } from "./test-tokens";
import { IdentityTokenError } from "./tokens";
import { userIdForEmail } from "./user-id";

/** The sandbox server stand-in: the issuer mounted at /identity on a free port, as in demo/sandbox. */
let server: ServerType;
let identity: IdentityIssuer;
let tokens: TestTokens;
let base: string;

beforeAll(async () => {
  const host = new Hono();
  server = serve({ fetch: host.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  identity = await createIdentityIssuer({ issuer: `${base}/identity`, logger: () => {} });
  host.route("/identity", identity.app);
  tokens = createTestTokens(identity);
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Exactly what the Worker does: a remote JWKS and jwtVerify with issuer and audience. */
function verifyLikeTheWorker(jwt: string) {
  const jwks = createRemoteJWKSet(new URL(identity.jwksUrl));
  return jwtVerify(jwt, jwks, { issuer: identity.issuer, audience: "machines-card-sandbox", algorithms: ["RS256"] });
}

describe("tokens verified against the published JWKS with jose", () => {
  it("accepts a signed-in user's token, with kid, issuer, audience, subject, email and a 15-minute life", async () => {
    const { jwt, user, expiresAt } = await identity.signIn(" Ada@Example.com ");
    const { payload, protectedHeader } = await verifyLikeTheWorker(jwt);
    expect(protectedHeader).toMatchObject({ alg: "RS256", kid: identity.kid });
    expect(payload).toMatchObject({
      iss: `${base}/identity`,
      aud: "machines-card-sandbox",
      sub: user.id,
      email: "ada@example.com",
    });
    expect(payload.exp! - payload.iat!).toBe(900);
    expect(new Date(expiresAt).getTime()).toBe(payload.exp! * 1000);
  });

  it("publishes only the public key, with its kid, and lets clients cache it", async () => {
    const res = await fetch(identity.jwksUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const { keys } = (await res.json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", kid: identity.kid, alg: "RS256", use: "sig" });
    expect(Object.keys(keys[0]!).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
  });

  it.each([
    ["tampered payload", (t: TestTokens) => t.tamperedPayload({ email: "ada@example.com" }), /signature/i],
    ["expired", (t: TestTokens) => t.expired({ email: "ada@example.com" }), /"exp"/],
    ["wrong audience", (t: TestTokens) => t.wrongAudience({ email: "ada@example.com" }), /"aud"/],
    ["wrong issuer", (t: TestTokens) => t.wrongIssuer({ email: "ada@example.com" }), /"iss"/],
    ["signed by an unknown key under the real kid", (t: TestTokens) => t.unknownKey({ email: "ada@example.com" }), /signature/i],
    ["an unpublished kid", (t: TestTokens) => t.unknownKid({ email: "ada@example.com" }), /no applicable key/i],
    ["unsigned (alg none)", (t: TestTokens) => t.unsigned({ email: "ada@example.com" }), /alg/i],
  ])("refuses a token that is %s", async (_name, make, reason) => {
    await expect(verifyLikeTheWorker(await make(tokens))).rejects.toThrow(reason);
    await expect(identity.verifyToken(await make(tokens))).rejects.toBeInstanceOf(IdentityTokenError);
  });

  it("accepts the control token of the test helpers", async () => {
    await expect(verifyLikeTheWorker(await tokens.valid({ email: "ada@example.com" }))).resolves.toBeTruthy();
  });

  it("has a kid-less token that jose alone accepts (one key in the set), so verifiers must require kid", async () => {
    const jwt = await tokens.missingKid({ email: "ada@example.com" });
    expect(decodeProtectedHeader(jwt).kid).toBeUndefined();
    await expect(verifyLikeTheWorker(jwt)).resolves.toBeTruthy();
    await expect(identity.verifyToken(jwt)).rejects.toMatchObject({ code: "unauthorized", message: "token has no kid" });
  });

  it("tells an expired token apart from a bad one in verifyToken", async () => {
    await expect(identity.verifyToken(await tokens.expired({ email: "ada@example.com" }))).rejects.toMatchObject({ code: "token_expired" });
    await expect(identity.verifyToken(await tokens.wrongAudience({ email: "ada@example.com" }))).rejects.toMatchObject({ code: "unauthorized" });
    await expect(identity.verifyToken("not.a.jwt")).rejects.toMatchObject({ code: "unauthorized" });
    await expect(identity.verifyToken(await tokens.valid({ email: "ada@example.com" }))).resolves.toMatchObject({ email: "ada@example.com" });
  });
});

describe("user ids", () => {
  it("are the same for an email in any case or surrounding whitespace, and differ between people", async () => {
    const id = await userIdForEmail("ada@example.com");
    expect(await userIdForEmail("  ADA@Example.COM\t")).toBe(id);
    expect(await userIdForEmail("grace@example.com")).not.toBe(id);
    expect((await identity.signIn("Ada@EXAMPLE.com")).user.id).toBe(id);
  });

  it("are opaque ids, not the email", async () => {
    const id = await userIdForEmail("ada@example.com");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toContain("ada");
  });
});

describe("state directory", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "identity-state-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("keeps the key and refresh sessions, so a restarted issuer accepts what it issued before", async () => {
    const options = { issuer: "http://127.0.0.1:8788/identity", logger: () => {}, store: fileIdentityStore(dir) };
    const before = await createIdentityIssuer(options);
    const session = await before.signIn("ada@example.com");

    const after = await createIdentityIssuer(options);
    expect(after.kid).toBe(before.kid);
    await expect(after.verifyToken(session.jwt)).resolves.toMatchObject({ sub: session.user.id });
    const res = await after.app.request("/refresh", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    expect(res.status).toBe(200);
    expect((await stat(join(dir, "identity.json"))).mode & 0o777).toBe(0o600);
  });

  it("makes a new key without a store, so a fresh issuer refuses another issuer's tokens", async () => {
    const a = await createIdentityIssuer({ logger: () => {} });
    const b = await createIdentityIssuer({ logger: () => {} });
    expect(a.kid).not.toBe(b.kid);
    await expect(b.verifyToken((await a.signIn("ada@example.com")).jwt)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
