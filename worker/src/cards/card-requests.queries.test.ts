import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { claimCardRequest, completeCardRequest, purgeCardRequests, type CardRequest } from "./card-requests.queries";

const request = (overrides: Partial<CardRequest> = {}): CardRequest => ({
  partnerUserId: "mc_1",
  idempotencyKey: "key-00000001",
  requestHash: "hash-a",
  upstreamBody: '{"encryptedName":{"v":1,"iv":"a","ct":"b"}}',
  cardId: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  ...overrides,
});

describe("card request queries", () => {
  it("hands every claim of a key the first request's row", async () => {
    expect(await claimCardRequest(env.DB, request())).toEqual(request());
    const second = await claimCardRequest(env.DB, request({ requestHash: "hash-b", upstreamBody: "{}", createdAt: "2026-01-01T00:00:05.000Z" }));
    expect(second).toEqual(request());
  });

  it("hands fifty concurrent claims the same row", async () => {
    const claims = await Promise.all(
      Array.from({ length: 50 }, (_, i) => claimCardRequest(env.DB, request({ idempotencyKey: "key-concurrent", upstreamBody: `{"n":${i}}` }))),
    );
    expect(new Set(claims.map((c) => c.upstreamBody)).size).toBe(1);
  });

  it("scopes keys per user", async () => {
    await claimCardRequest(env.DB, request({ idempotencyKey: "shared-key" }));
    const other = await claimCardRequest(env.DB, request({ partnerUserId: "mc_2", idempotencyKey: "shared-key", requestHash: "hash-z" }));
    expect(other.requestHash).toBe("hash-z");
  });

  it("records the card, and forgets requests older than the retention", async () => {
    await claimCardRequest(env.DB, request({ idempotencyKey: "old-key-000" }));
    await claimCardRequest(env.DB, request({ idempotencyKey: "new-key-000", createdAt: "2026-01-03T00:00:00.000Z" }));
    await completeCardRequest(env.DB, "mc_1", "new-key-000", "card-1");
    expect((await claimCardRequest(env.DB, request({ idempotencyKey: "new-key-000" }))).cardId).toBe("card-1");
    expect(await purgeCardRequests(env.DB, "2026-01-02T00:00:00.000Z")).toBeGreaterThanOrEqual(1);
    expect((await claimCardRequest(env.DB, request({ idempotencyKey: "old-key-000", requestHash: "fresh" }))).requestHash).toBe("fresh");
  });
});
