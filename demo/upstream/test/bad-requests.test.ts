import { beforeAll, describe, expect, it } from "vitest";
import { ErrorEnvelope } from "@machines-card/contract/envelope";
import { createHarness, type Harness, PARTNER_KEY, WALLET } from "./harness";

/** Every route of the partner API, with the auth it needs. */
const ROUTES: [method: string, path: string, auth: "partner" | "bearer"][] = [
  ["POST", "/sessions", "partner"],
  ["POST", "/users/resolve", "partner"],
  ["GET", "/kyc/values", "bearer"],
  ["GET", "/kyc/schema", "bearer"],
  ["POST", "/kyc/applications", "bearer"],
  ["GET", "/kyc/status", "bearer"],
  ["GET", "/agreements", "bearer"],
  ["POST", "/agreements", "bearer"],
  ["GET", "/cards", "bearer"],
  ["POST", "/cards", "bearer"],
  ["GET", "/cards/00000000-0000-4000-8000-000000000000", "bearer"],
  ["PATCH", "/cards/00000000-0000-4000-8000-000000000000", "bearer"],
  ["DELETE", "/cards/00000000-0000-4000-8000-000000000000", "bearer"],
  ["POST", "/cards/secrets/session", "bearer"],
  ["POST", "/cards/00000000-0000-4000-8000-000000000000/secrets", "bearer"],
  ["POST", "/encryption/encrypt", "bearer"],
  ["POST", "/encryption/decrypt", "bearer"],
  ["GET", "/balances", "bearer"],
  ["GET", "/transactions", "bearer"],
  ["GET", "/deposits/assets", "bearer"],
  ["POST", "/deposits/range", "bearer"],
  ["POST", "/deposits/estimate", "bearer"],
  ["POST", "/deposits", "bearer"],
  ["GET", "/deposits", "bearer"],
  ["GET", "/deposits/cmunknowndeposit000000000", "bearer"],
  ["GET", "/withdrawals/assets", "bearer"],
  ["POST", "/withdrawals/range", "bearer"],
  ["POST", "/withdrawals/estimate", "bearer"],
  ["POST", "/withdrawals", "bearer"],
];

const BAD_BODIES: { rawBody: string; contentType?: string }[] = [
  { rawBody: "{not json", contentType: "application/json" },
  { rawBody: '{"a":1}', contentType: "text/plain" },
  { rawBody: "a=1&b=2", contentType: "application/x-www-form-urlencoded" },
  { rawBody: "[]", contentType: "application/json" },
  { rawBody: "null", contentType: "application/json" },
  { rawBody: '"a string"', contentType: "application/json" },
  { rawBody: "12", contentType: "application/json" },
  { rawBody: '{"userId":{"$ne":null},"amountCents":"1e309","value":["\\u0000"],"currency":["rusd"]}', contentType: "application/json" },
  { rawBody: JSON.stringify({ value: "\uD83D\uDE00".repeat(20_000) }), contentType: "application/json" },
];

function expectEnvelope(reply: { status: number; headers: Headers; text: string; json: unknown }, label: string) {
  expect(reply.status, label).toBeGreaterThanOrEqual(400);
  expect(reply.status, label).toBeLessThan(500);
  expect(reply.headers.get("content-type"), label).toMatch(/application\/json/);
  expect(ErrorEnvelope.safeParse(reply.json).success, `${label}: ${reply.text.slice(0, 200)}`).toBe(true);
}

describe("bad requests get the error envelope with a 4xx, never a crash or HTML", () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = createHarness();
    token = (await h.onboard("fuzz")).token;
  });

  it("on every route, for every malformed or wrongly typed body", async () => {
    for (const [method, path, auth] of ROUTES) {
      for (const bad of method === "GET" ? [] : BAD_BODIES) {
        const reply = await h.call(method, path, {
          ...bad,
          ...(auth === "partner" ? { partnerKey: PARTNER_KEY } : { token }),
          idempotencyKey: "fuzz-key-0001",
        });
        // DELETE ignores bodies, and card create / secrets session take any object (unknown members are
        // ignored): those may succeed, but never fail with a 5xx.
        const lenient = method === "DELETE" || ((path === "/cards" || path === "/cards/secrets/session") && bad.rawBody.startsWith("{"));
        if (lenient) expect(reply.status, `${method} ${path}`).toBeLessThan(500);
        else expectEnvelope(reply, `${method} ${path} ${bad.contentType} ${bad.rawBody.slice(0, 20)}`);
      }
    }
  });

  it("names the problem: malformed JSON, media type, size", async () => {
    const malformed = await h.call("POST", "/cards", { token, rawBody: "{", contentType: "application/json" });
    expect(malformed.json.errors).toEqual([{ code: "invalid_request", message: "request body is not valid JSON" }]);
    const text = await h.call("POST", "/cards", { token, rawBody: "{}", contentType: "text/plain" });
    expect(text.status).toBe(415);
    expect(text.json.errors[0].code).toBe("unsupported_media_type");
    const huge = await h.call("POST", "/encryption/encrypt", { token, body: { value: "x".repeat(70_000) } });
    expect(huge.status).toBe(413);
    const charset = await h.call("POST", "/encryption/encrypt", { token, body: { value: "ok" }, contentType: "application/json; charset=utf-8" });
    expect(charset.status).toBe(200);
  });

  it("answers unknown paths and methods with a JSON 404", async () => {
    for (const [method, path] of [
      ["GET", "/nope"],
      ["GET", "/"],
      ["DELETE", "/sessions"],
      ["PUT", "/cards"],
      ["GET", "/withdrawals"],
    ]) {
      const reply = await h.call(method!, path!, { token });
      expect(reply.status, path).toBe(404);
      expectEnvelope(reply, `${method} ${path}`);
    }
  });

  it("wrong types and missing fields name each field", async () => {
    const reply = await h.call("POST", "/withdrawals", { token, body: { amountCents: "500", destination: { currency: 5 } } });
    expect(reply.status).toBe(400);
    expect(reply.json.errors.map((e: { field: string }) => e.field)).toEqual(["amountCents", "destination.currency", "destination.network", "destination.address"]);
    const card = await h.call("POST", "/cards", { token, body: { limit: { amountCents: 0, frequency: "sometimes" } } });
    expect(card.json.errors.map((e: { field: string }) => e.field)).toEqual(["limit.amountCents", "limit.frequency"]);
    const resolve = await h.partner("POST", "/users/resolve", {});
    expect(resolve.json.errors.map((e: { field: string }) => e.field)).toEqual(["userId", "walletAddress"]);
    expect(resolve.json.errors[0].message).toBe("userId is required");
  });

  it("unknown and malformed ids: 404 and 400", async () => {
    expect((await h.call("GET", "/cards/00000000-0000-4000-8000-000000000000", { token })).json.errors[0]).toEqual({
      code: "not_found",
      message: "card not found",
      field: "cardId",
    });
    expect((await h.call("GET", "/cards/short", { token })).status).toBe(400);
    expect((await h.call("GET", "/deposits/short", { token })).json.errors[0].field).toBe("depositId");
    expect((await h.call("GET", "/deposits/cm00000000000000000000000", { token })).status).toBe(404);
    expect((await h.call("GET", "/transactions?type=spend,refund", { token })).json.errors[0].field).toBe("type");
    expect((await h.call("GET", "/transactions?limit=201", { token })).json.errors[0].field).toBe("limit");
    expect((await h.call("GET", "/transactions?cursor=bm9wZQ", { token })).json.errors[0].field).toBe("cursor");
    expect((await h.call("GET", "/deposits?scope=some", { token })).json.errors[0].field).toBe("scope");
  });

  it("another user's resources are as unknown as missing ones", async () => {
    const other = (await h.onboard("other-user", { wallet: "0x00000000000000000000000000000000000000aa" })).token;
    const card = await h.call("POST", "/cards", { token: other, body: {} });
    expect((await h.call("GET", `/cards/${card.json.data.cardId}`, { token })).status).toBe(404);
    expect((await h.call("DELETE", `/cards/${card.json.data.cardId}`, { token })).status).toBe(404);
    const deposit = await h.call("POST", "/deposits", { token: other, body: { currency: "rusd", network: "base" } });
    expect((await h.call("GET", `/deposits/${deposit.json.data.deposit.id}`, { token })).status).toBe(404);
    const secrets = await h.call("POST", "/cards/secrets/session", { token: other, body: {} });
    const mine = await h.call("POST", "/cards", { token, body: {} });
    const crossed = await h.call("POST", `/cards/${mine.json.data.cardId}/secrets`, { token, body: { sessionId: secrets.json.data.sessionId } });
    expect(crossed.json.errors[0]).toMatchObject({ code: "invalid_request", field: "sessionId" });
  });

  it("never echoes a session token or partner key in an error", async () => {
    const reply = await h.call("GET", "/kyc/status", { headers: { Authorization: `Bearer ${token}x` } });
    expect(reply.text).not.toContain(token.slice(20));
    const key = await h.call("POST", "/sessions", { partnerKey: `${PARTNER_KEY}x`, body: { userId: "u", scopes: ["kyc.read"], walletAddress: WALLET } });
    expect(key.text).not.toContain(PARTNER_KEY);
  });
});
