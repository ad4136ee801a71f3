import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BASE, call, expectError, expectOk, send } from "../test/helpers/api";
import { kycApplication, newUser } from "../test/helpers/users";
import { workerWith } from "../test/helpers/worker-with";

const ALLOWED = "https://shop.example";
const STRANGER = "https://evil.example";

describe("every reply", () => {
  it("carries a request id, the environment, security headers and no-store", async () => {
    const reply = await call("getConfig");
    expect(reply.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.headers.get("X-Machines-Environment")).toBe("sandbox");
    expect(reply.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(reply.headers.get("X-Frame-Options")).toBe("DENY");
    expect(reply.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(reply.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(reply.headers.get("Cache-Control")).toBe("no-store");
  });

  it("keeps a caller's well-formed request id, and replaces a malformed one", async () => {
    expect((await call("getConfig", { headers: { "X-Request-Id": "partner-trace-0001" } })).headers.get("X-Request-Id")).toBe("partner-trace-0001");
    expect((await call("getConfig", { headers: { "X-Request-Id": "bad id with spaces" } })).headers.get("X-Request-Id")).not.toContain("bad");
  });

  it("records a caller's request id beside its own, never as the audit row's only id", async () => {
    const { token, email } = await newUser();
    const traceId = `partner-trace-${crypto.randomUUID()}`;
    const headers = { "X-Request-Id": traceId };
    const approved = expectOk("submitKycApplication", await call("submitKycApplication", { token, body: kycApplication({ email }), headers }));
    expect(approved.status).toBe("approved");
    // The same caller id again (a partner may reuse one, or send someone else's): a second, separate row.
    expectError(await call("submitKycApplication", { token, body: kycApplication({ email }), headers }), 409, "invalid_state");
    const { results } = await env.DB.prepare("SELECT request_id, client_request_id, outcome FROM audit_events WHERE client_request_id = ?1")
      .bind(traceId)
      .all<{ request_id: string; client_request_id: string; outcome: string }>();
    expect(results.map((r) => r.outcome).sort()).toEqual(["approved", "failed"]);
    for (const row of results) expect(row.request_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(results.map((r) => r.request_id)).size).toBe(2);
  });

  it("answers an unknown route with a 404 envelope", async () => {
    const reply = await send(new Request(`${BASE}/v1/nothing-here`));
    expectError(reply, 404, "not_found");
    expect(reply.headers.get("X-Machines-Environment")).toBe("sandbox");
  });
});

describe("configuration errors", () => {
  it("name the broken setting with a 500, never a stack trace", async () => {
    const reply = await call("getConfig", { fetcher: workerWith({ MACHINES_PARTNER_KEY: undefined, DATA_ENCRYPTION_KEY: "short" }) });
    const envelope = expectError(reply, 500, "configuration_error", "MACHINES_PARTNER_KEY");
    expect(envelope.errors.map((e) => e.field)).toEqual(["MACHINES_PARTNER_KEY", "DATA_ENCRYPTION_KEY"]);
    expect(reply.text).not.toMatch(/at .*\.ts:\d+|Error:/);
    expect(reply.text).not.toContain("short");
  });

  it("still carry the environment header and request id", async () => {
    const reply = await call("getMe", { fetcher: workerWith({ CHAIN_ID: "base" }) });
    expectError(reply, 500, "configuration_error", "CHAIN_ID");
    expect(reply.headers.get("X-Machines-Environment")).toBe("sandbox");
  });
});

describe("CORS", () => {
  it("allows a configured origin exactly, without credentials", async () => {
    const { token } = await newUser();
    const reply = await call("getMe", { token, origin: ALLOWED });
    expectOk("getMe", reply);
    expect(reply.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(reply.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    expect(reply.headers.get("Vary")).toContain("Origin");
    expect(reply.headers.get("Access-Control-Expose-Headers")).toContain("X-Request-Id");
  });

  it("refuses another origin with 403 origin_not_allowed before doing anything", async () => {
    const reply = await call("getMe", { token: "irrelevant", origin: STRANGER });
    expectError(reply, 403, "origin_not_allowed", "Origin");
    expect(reply.body.errors[0].message).toContain("ALLOWED_ORIGINS");
  });

  it("answers preflights for allowed origins only", async () => {
    const preflight = (origin: string) =>
      send(new Request(`${BASE}/v1/cards`, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type,idempotency-key" } }));
    const ok = await preflight(ALLOWED);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(ok.headers.get("Access-Control-Allow-Headers")).toMatch(/Authorization.*Idempotency-Key/);
    expect(ok.headers.get("Access-Control-Allow-Methods")).toContain("PATCH");
    const refused = await preflight(STRANGER);
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("lets any page read /v1/config, which says whether its origin is allowed", async () => {
    const stranger = await call("getConfig", { origin: STRANGER });
    expect(stranger.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(expectOk("getConfig", stranger)).toMatchObject({ originAllowed: false, origin: STRANGER });
    expect(expectOk("getConfig", await call("getConfig", { origin: ALLOWED }))).toMatchObject({ originAllowed: true, origin: ALLOWED });
    expect(expectOk("getConfig", await call("getConfig"))).toMatchObject({ originAllowed: false, origin: null });
  });
});

describe("request bodies", () => {
  it("refuses a body over the cap with 413, declared or streamed", async () => {
    const { token } = await newUser();
    const big = JSON.stringify({ accepted: true, padding: "x".repeat(40_000) });
    expectError(await call("acceptAgreements", { token, rawBody: big }), 413, "payload_too_large");
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode("x".repeat(10_000)));
        controller.close();
      },
    });
    const streamed = await send(
      new Request(`${BASE}/v1/agreements`, { method: "POST", body: stream, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, duplex: "half" } as RequestInit),
    );
    expectError(streamed, 413, "payload_too_large");
  });

  it("refuses malformed JSON with 400 naming the body", async () => {
    const { token } = await newUser();
    expectError(await call("acceptAgreements", { token, rawBody: '{"accepted": tru' }), 400, "invalid_request", "body");
  });

  it("refuses a body that is not declared JSON with 415", async () => {
    const { token } = await newUser();
    expectError(await call("acceptAgreements", { token, rawBody: "accepted=true", headers: { "Content-Type": "application/x-www-form-urlencoded" } }), 415, "unsupported_media_type", "Content-Type");
  });

  it("treats an empty body as {} and names the missing fields", async () => {
    const { token } = await newUser();
    expectError(await call("acceptAgreements", { token, rawBody: "" }), 400, "invalid_request", "accepted");
  });
});
