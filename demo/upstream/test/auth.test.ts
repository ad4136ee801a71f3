import { describe, expect, it } from "vitest";
import { createHarness, PARTNER_KEY, WALLET } from "./harness";

const docsBody = (o: Record<string, unknown> = {}) => ({ userId: "alice", scopes: ["kyc.read", "kyc.write"], walletAddress: WALLET, ...o });

describe("partner key", () => {
  it.each([
    ["missing", null, "missing partner key (X-Partner-Key)"],
    ["wrong", "sk_wrong", "invalid partner key"],
  ])("is %s: 401 on /sessions and /users/resolve", async (_case, key, message) => {
    const { call } = createHarness();
    for (const path of ["/sessions", "/users/resolve"]) {
      const reply = await call("POST", path, { body: docsBody(), partnerKey: key });
      expect(reply.status).toBe(401);
      expect(reply.json).toEqual({ ok: false, data: null, summary: message, errors: [{ code: "unauthorized", message }] });
    }
  });

  it("is not a bearer token: partner routes ignore Authorization, bearer routes ignore X-Partner-Key", async () => {
    const { call } = createHarness();
    expect((await call("GET", "/kyc/status", { partnerKey: PARTNER_KEY })).status).toBe(401);
  });
});

describe("session tokens", () => {
  it("carry whole-second expiry = issue second + ttlSeconds (default 900)", async () => {
    const { partner, clock } = createHarness();
    clock.set(Date.parse("2026-01-16T14:17:51.998Z"));
    const reply = await partner("POST", "/sessions", docsBody());
    expect(reply.json.data.expiresAt).toBe("2026-01-16T14:32:51.000Z");
    expect(reply.json.data.sessionId).toEqual(expect.any(String));
    expect(reply.json.data.scopes).toEqual(["kyc.read", "kyc.write"]);
  });

  it("expire after their TTL: 401, and a new session works", async () => {
    const { call, session, clock } = createHarness();
    const token = await session("alice", ["kyc.read"], WALLET, 60);
    expect((await call("GET", "/kyc/status", { token })).status).toBe(200);
    clock.advance(59);
    expect((await call("GET", "/kyc/status", { token })).status).toBe(200);
    clock.advance(2);
    const expired = await call("GET", "/kyc/status", { token });
    expect(expired.status).toBe(401);
    expect(expired.json.errors[0]).toEqual({ code: "unauthorized", message: "session token expired; create a new session" });
    expect((await call("GET", "/kyc/status", { token: await session("alice", ["kyc.read"]) })).status).toBe(200);
  });

  it("are rejected when missing, forged, signed with another secret, or malformed", async () => {
    const { call, session } = createHarness();
    const token = await session("alice", ["kyc.read"]);
    const [header, payload] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), sub: "mallory" })).toString("base64url");
    const other = await createHarness({ sessionSecret: "another-secret" }).session("alice", ["kyc.read"]);
    const cases: [Record<string, string>, string][] = [
      [{}, "missing session token (Authorization: Bearer <sessionToken>)"],
      [{ Authorization: `Basic ${token}` }, "missing session token (Authorization: Bearer <sessionToken>)"],
      [{ Authorization: `Bearer ${header}.${forgedPayload}.${token.split(".")[2]}` }, "invalid session token"],
      [{ Authorization: `Bearer ${other}` }, "invalid session token"],
      [{ Authorization: "Bearer not-a-jwt" }, "invalid session token"],
    ];
    for (const [headers, message] of cases) {
      const reply = await call("GET", "/kyc/status", { headers });
      expect(reply.status, message).toBe(401);
      expect(reply.json.errors).toEqual([{ code: "unauthorized", message }]);
    }
  });

  it("survive exportState/importState into a new simulator with the same secret", async () => {
    const first = createHarness();
    const token = await first.session("alice", ["kyc.read"]);
    const second = createHarness({ state: first.simulator.exportState() });
    expect((await second.call("GET", "/kyc/status", { token })).status).toBe(200);
    const fresh = createHarness();
    expect((await fresh.call("GET", "/kyc/status", { token })).status).toBe(401);
  });
});

describe("scopes", () => {
  it("403 names the missing scope", async () => {
    const { call, session } = createHarness();
    const token = await session("alice", ["kyc.write"]);
    const reply = await call("GET", "/kyc/values", { token });
    expect(reply.status).toBe(403);
    expect(reply.json.errors).toEqual([{ code: "forbidden", message: "session lacks the kyc.read scope" }]);
  });

  it("treat crypto.* as encryption.* and need none for balances and deposits", async () => {
    const { call, onboard, session } = createHarness();
    await onboard("alice");
    const crypto = await session("alice", ["crypto.write"]);
    expect((await call("POST", "/encryption/encrypt", { token: crypto, body: { value: "x" } })).status).toBe(200);
    expect((await call("POST", "/encryption/decrypt", { token: crypto, body: { value: { v: 1, iv: "a", ct: "b" } } })).json.errors[0].message).toBe(
      "session lacks the encryption.read scope",
    );
    const kycOnly = await session("alice", ["kyc.read"]);
    expect((await call("GET", "/balances", { token: kycOnly })).status).toBe(200);
    expect((await call("GET", "/deposits", { token: kycOnly })).status).toBe(200);
    expect((await call("GET", "/withdrawals/assets", { token: kycOnly })).json.errors[0].message).toBe("session lacks the deposits.read scope");
    expect((await call("GET", "/transactions", { token: kycOnly })).json.errors[0].message).toBe("session lacks the transactions.read scope");
  });

  it("reject unknown scopes and bad session bodies with 400 and the field", async () => {
    const { partner } = createHarness();
    const cases: [Record<string, unknown>, string][] = [
      [{ scopes: ["kyc.read", "admin.everything"] }, "scopes.1"],
      [{ scopes: [] }, "scopes"],
      [{ ttlSeconds: 59 }, "ttlSeconds"],
      [{ ttlSeconds: 86_401 }, "ttlSeconds"],
      [{ ttlSeconds: 90.5 }, "ttlSeconds"],
      [{ userId: "" }, "userId"],
      [{ userId: "x".repeat(121) }, "userId"],
      [{ walletAddress: "0x123" }, "walletAddress"],
      [{ walletAddress: undefined }, "walletAddress"],
      [{ sessionLabel: "x".repeat(121) }, "sessionLabel"],
    ];
    for (const [override, field] of cases) {
      const reply = await partner("POST", "/sessions", docsBody(override));
      expect(reply.status, field).toBe(400);
      expect(reply.json.errors.map((e: { field: string }) => e.field), field).toEqual([field]);
      expect(reply.json.errors[0].code).toBe("invalid_request");
    }
  });
});

describe("both body shapes and both call orders", () => {
  it("accept the example's {externalUserId, wallet} shape and answer with wallet", async () => {
    const { partner } = createHarness();
    const wallet = { chain: "evm", address: WALLET };
    const resolved = await partner("POST", "/users/resolve", { externalUserId: "crossmint-demo:a@b.c", wallet });
    expect(resolved.json.data).toEqual({
      userId: "crossmint-demo:a@b.c",
      walletAddress: WALLET.toLowerCase(),
      wallet: { chain: "evm", address: WALLET.toLowerCase() },
      kycStatus: "not_submitted",
      createdAt: expect.any(String),
    });
    const session = await partner("POST", "/sessions", { externalUserId: "crossmint-demo:a@b.c", wallet, scopes: ["kyc.read"], ttlSeconds: 1800 });
    expect(session.status).toBe(200);
    expect(session.json.data.wallet).toEqual({ chain: "evm", address: WALLET.toLowerCase() });
    const bad = await partner("POST", "/sessions", { externalUserId: "x", wallet: { chain: "evm", address: "nope" }, scopes: ["kyc.read"] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]).toMatchObject({ code: "wallet_invalid_for_chain", field: "wallet.address" });
  });

  it("resolve again keeps createdAt; another wallet becomes the reported one", async () => {
    const { partner, clock } = createHarness();
    const first = await partner("POST", "/users/resolve", { userId: "bob", walletAddress: WALLET });
    clock.advance(60);
    const other = "0x000000000000000000000000000000000000dEaD";
    const second = await partner("POST", "/users/resolve", { userId: "bob", walletAddress: other });
    expect(second.json.data.createdAt).toBe(first.json.data.createdAt);
    expect(second.json.data.walletAddress).toBe(other.toLowerCase());
  });

  it("session before resolve creates the user; resolve after it returns the same user", async () => {
    const { partner } = createHarness();
    await partner("POST", "/sessions", docsBody({ userId: "carol" }));
    const resolved = await partner("POST", "/users/resolve", { userId: "carol", walletAddress: WALLET });
    expect(resolved.json.summary).toBe("user linked; kyc not started");
    expect(resolved.json.data.createdAt).toBe("2026-01-16T14:17:51.298Z");
  });
});
