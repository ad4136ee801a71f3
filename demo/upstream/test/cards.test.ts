import { describe, expect, it } from "vitest";
import { ALL_SCOPES, createHarness } from "./harness";

const limit = { amountCents: 2500, frequency: "perAuthorization" };

describe("cards", () => {
  it("create, list with nextCursor, get, lock, unlock, change limit and labels, cancel", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("cardholder");
    expect((await call("GET", "/cards", { token })).json).toMatchObject({ summary: "no cards", data: { cards: [], nextCursor: null } });

    const name = (await call("POST", "/encryption/encrypt", { token, body: { value: "Travel" } })).json.data.value;
    const created = await call("POST", "/cards", { token, body: { encryptedName: name, limit } });
    expect(created.json.data).toMatchObject({ status: "active", brand: "VISA", limit, encryptedName: name, folderId: null, isPinned: false });
    const { cardId } = created.json.data;
    expect((await call("POST", "/encryption/decrypt", { token, body: { value: created.json.data.encryptedName } })).json.data.value).toBe("Travel");
    for (let i = 0; i < 2; i++) await call("POST", "/cards", { token, body: {} });

    const page1 = await call("GET", "/cards?limit=2", { token });
    expect(page1.json.summary).toBe("card list");
    expect(page1.json.data.cards.map((c: { cardId: string }) => c.cardId)[0]).toBe(cardId);
    expect(page1.json.data.nextCursor).toEqual(expect.any(String));
    const page2 = await call("GET", `/cards?limit=2&cursor=${page1.json.data.nextCursor}`, { token });
    expect(page2.json.data.cards).toHaveLength(1);
    expect(page2.json.data.nextCursor).toBeNull();

    expect((await call("GET", `/cards/${cardId}`, { token })).json.data).toEqual(created.json.data);
    expect((await call("PATCH", `/cards/${cardId}`, { token, body: { status: "locked" } })).json.data.status).toBe("locked");
    expect((await call("PATCH", `/cards/${cardId}`, { token, body: { status: "active" } })).json.data.status).toBe("active");
    const newLimit = { amountCents: 10_000, frequency: "per30DayPeriod" };
    expect((await call("PATCH", `/cards/${cardId}`, { token, body: { limit: newLimit } })).json.data.limit).toEqual(newLimit);
    const memo = (await call("POST", "/encryption/encrypt", { token, body: { value: "team budget" } })).json.data.value;
    expect((await call("PATCH", `/cards/${cardId}`, { token, body: { encryptedMemo: memo } })).json.data.encryptedMemo).toEqual(memo);
    expect((await call("PATCH", `/cards/${cardId}`, { token, body: {} })).status).toBe(400);

    const deleted = await call("DELETE", `/cards/${cardId}`, { token });
    expect(deleted.json).toMatchObject({ summary: "card deleted", data: { cardId, status: "canceled", deletedAt: expect.any(String) } });
    const patchCanceled = await call("PATCH", `/cards/${cardId}`, { token, body: { status: "active" } });
    expect(patchCanceled.status).toBe(409);
    expect(patchCanceled.json.errors[0].code).toBe("invalid_state");
  });

  it("Idempotency-Key: same key and body → same card; another body → 409; bad length → 400", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("idem");
    const first = await call("POST", "/cards", { token, body: { limit }, idempotencyKey: "card-key-0001" });
    const again = await call("POST", "/cards", { token, body: { limit }, idempotencyKey: "card-key-0001" });
    expect(again.json.data.cardId).toBe(first.json.data.cardId);
    const conflict = await call("POST", "/cards", { token, body: {}, idempotencyKey: "card-key-0001" });
    expect(conflict.status).toBe(409);
    expect(conflict.json.errors[0]).toMatchObject({ code: "idempotency_conflict", field: "Idempotency-Key" });
    for (const key of ["short", "k".repeat(129)]) {
      const bad = await call("POST", "/cards", { token, body: {}, idempotencyKey: key });
      expect(bad.status).toBe(400);
      expect(bad.json.errors[0]).toEqual({ code: "invalid_request", message: "Idempotency-Key must be 8 to 128 characters", field: "Idempotency-Key" });
    }
    expect((await call("GET", "/cards", { token })).json.data.cards).toHaveLength(1);
  });

  it("concurrent duplicates with one key create one card", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("burst");
    const replies = await Promise.all(
      Array.from({ length: 25 }, () => call("POST", "/cards", { token, body: { limit }, idempotencyKey: "burst-key-0001" })),
    );
    expect(new Set(replies.map((r) => r.json.data.cardId)).size).toBe(1);
    expect((await call("GET", "/cards", { token })).json.data.cards).toHaveLength(1);
  });

  it("keys are scoped per user and forgotten after 24 hours", async () => {
    const { call, onboard, session, clock } = createHarness();
    const a = (await onboard("a-user")).token;
    const b = (await onboard("b-user", { wallet: "0x00000000000000000000000000000000000000bb" })).token;
    const fromA = await call("POST", "/cards", { token: a, body: {}, idempotencyKey: "shared-key-1" });
    const fromB = await call("POST", "/cards", { token: b, body: {}, idempotencyKey: "shared-key-1" });
    expect(fromB.json.data.cardId).not.toBe(fromA.json.data.cardId);
    clock.advance(24 * 3600 + 1);
    const later = await session("a-user", ALL_SCOPES);
    const fresh = await call("POST", "/cards", { token: later, body: {}, idempotencyKey: "shared-key-1" });
    expect(fresh.json.data.cardId).not.toBe(fromA.json.data.cardId);
  });

  it("secrets sessions last 10 minutes and serve any of the user's cards", async () => {
    const { call, onboard, clock } = createHarness();
    const { token } = await onboard("reveal");
    const cards = await Promise.all([call("POST", "/cards", { token, body: {} }), call("POST", "/cards", { token, body: {} })]);
    const session = await call("POST", "/cards/secrets/session", { token, body: {} });
    for (const card of cards) {
      const secrets = await call("POST", `/cards/${card.json.data.cardId}/secrets`, { token, body: { sessionId: session.json.data.sessionId } });
      expect(secrets.status).toBe(200);
      expect(secrets.headers.get("cache-control")).toBe("no-store");
    }
    clock.advance(600);
    const expired = await call("POST", `/cards/${cards[0].json.data.cardId}/secrets`, { token, body: { sessionId: session.json.data.sessionId } });
    expect(expired.status).toBe(400);
    expect(expired.json.errors[0].field).toBe("sessionId");
  });

  it("decrypt refuses another user's blob and tampered data", async () => {
    const { call, onboard } = createHarness();
    const a = (await onboard("enc-a")).token;
    const b = (await onboard("enc-b", { wallet: "0x00000000000000000000000000000000000000cc" })).token;
    const blob = (await call("POST", "/encryption/encrypt", { token: a, body: { value: "secret label" } })).json.data.value;
    expect(blob.iv).toMatch(/^[A-Za-z0-9_-]{16}$/); // 12 bytes, base64url
    expect((await call("POST", "/encryption/decrypt", { token: b, body: { value: blob } })).json.errors[0].field).toBe("value");
    const tampered = { ...blob, ct: blob.ct.slice(0, -2) + (blob.ct.endsWith("AA") ? "BB" : "AA") };
    expect((await call("POST", "/encryption/decrypt", { token: a, body: { value: tampered } })).status).toBe(400);
    expect((await call("POST", "/encryption/decrypt", { token: a, body: { value: { ...blob, v: 2 } } })).status).toBe(400);
    expect((await call("GET", "/encryption/data-key", { token: a })).status).toBe(404);
  });

  it("the sandbox control lists a user's cards, without number or CVC, so tests can count them", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("counted");
    const first = await call("POST", "/cards", { token, body: { limit }, idempotencyKey: "count-key-0001" });
    await call("POST", "/cards", { token, body: { limit }, idempotencyKey: "count-key-0001" });
    const detail = (await call("GET", "/sandbox/users/counted")).json.data;
    expect(detail.cards).toEqual([{ cardId: first.json.data.cardId, last4: first.json.data.last4, status: "active", createdAt: expect.any(String) }]);
    expect(JSON.stringify(detail.cards)).not.toMatch(/pan|cvc|\d{16}/i);
  });
});
