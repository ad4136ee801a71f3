import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectOk } from "../../test/helpers/api";
import { freshIsolate } from "../../test/helpers/counting-db";
import { controls } from "../../test/helpers/sandbox";
import { kycApplication, newUser, signIn, newEmail, type TestUser } from "../../test/helpers/users";
import { openedTokens } from "../sessions/opened-tokens";
import { USER_CACHE_TTL_MS, userCache } from "./user-cache";
import type { UserWithSessions } from "./users.queries";

const partnerIdOf = async (u: TestUser) => expectOk("getMe", await call("getMe", { token: u.token })).user.id;
const machinesIdOf = async (partnerUserId: string) =>
  (await env.DB.prepare("SELECT machines_user_id FROM users WHERE partner_user_id = ?").bind(partnerUserId).first<{ machines_user_id: string }>())!
    .machines_user_id;
const sessionIdOf = async (partnerUserId: string, kind: "kyc" | "card") =>
  (await env.DB.prepare("SELECT session_id FROM partner_sessions WHERE partner_user_id = ? AND kind = ?").bind(partnerUserId, kind).first<{ session_id: string }>())
    ?.session_id;

/** A signed-in user whose KYC application waits for the hosted verification (not approved). */
async function pendingUser(): Promise<TestUser> {
  const email = newEmail();
  const token = await signIn(email);
  const state = expectOk("submitKycApplication", await call("submitKycApplication", { token, body: kycApplication({ email, lastName: "Waiting" }) }));
  expect(state.status).not.toBe("approved");
  return { email, token };
}

describe("the per-isolate user cache, through the Worker", () => {
  it("serves each person their own row and sessions", async () => {
    const [a, b] = await Promise.all([newUser("agreed"), newUser("agreed")]);
    const { deposit } = expectOk("createDeposit", await call("createDeposit", { token: a.token, body: { currency: "rusd", network: "base" } }));
    await controls().completeDeposit(deposit.id, 25_00);
    const [idA, idB] = await Promise.all([partnerIdOf(a), partnerIdOf(b)]);

    const isolate = freshIsolate();
    const fetcher = isolate.fetcher;
    expectOk("getBalances", await call("getBalances", { token: a.token, fetcher }));
    expectOk("getBalances", await call("getBalances", { token: b.token, fetcher }));
    expect(isolate.queries()).toBe(2);
    for (let i = 0; i < 3; i++) {
      expect(expectOk("getBalances", await call("getBalances", { token: a.token, fetcher })).creditLimit).toBe(25_00);
      expect(expectOk("getBalances", await call("getBalances", { token: b.token, fetcher })).creditLimit).toBe(0);
      expect(expectOk("getMe", await call("getMe", { token: b.token, fetcher })).user.id).toBe(idB);
      expect(expectOk("getMe", await call("getMe", { token: a.token, fetcher })).user.id).toBe(idA);
    }
    expect(isolate.queries()).toBe(2);
  });

  it("never keeps a user before approval, so an approval another isolate recorded is seen on the next request", async () => {
    const u = await pendingUser();
    const id = await partnerIdOf(u);
    const isolate = freshIsolate();
    const fetcher = isolate.fetcher;
    expectOk("getBalances", await call("getBalances", { token: u.token, fetcher }));
    expectOk("getBalances", await call("getBalances", { token: u.token, fetcher }));
    expect(isolate.queries()).toBe(2); // one read per request: not approved, not kept
    expect(await sessionIdOf(id, "card")).toBeUndefined();

    // Machines approves; another isolate reads the status and records it in D1.
    await controls().setKyc(await machinesIdOf(id), "approved");
    expect(expectOk("getKycStatus", await call("getKycStatus", { token: u.token, fetcher: freshIsolate().fetcher })).status).toBe("approved");

    // This isolate sees it at once: the read picks the card session (minted now), and the user is kept from then on.
    expectOk("getBalances", await call("getBalances", { token: u.token, fetcher }));
    expect(await sessionIdOf(id, "card")).toBeDefined();
    const queries = isolate.queries();
    expectOk("getBalances", await call("getBalances", { token: u.token, fetcher }));
    expect(isolate.queries()).toBe(queries);
  });

  it("drops a user whose KYC this isolate learns is no longer approved", async () => {
    const u = await newUser("agreed");
    const id = await partnerIdOf(u);
    const isolate = freshIsolate();
    const fetcher = isolate.fetcher;
    expectOk("getBalances", await call("getBalances", { token: u.token, fetcher }));
    expectOk("getBalances", await call("getBalances", { token: u.token, fetcher }));
    expect(isolate.queries()).toBe(1);

    await controls().setKyc(await machinesIdOf(id), "locked");
    expect(expectOk("getKycStatus", await call("getKycStatus", { token: u.token, fetcher })).status).toBe("locked");
    const afterStatus = isolate.queries(); // the status written to D1
    expectOk("getBalances", await call("getBalances", { token: u.token, fetcher }));
    expectOk("getBalances", await call("getBalances", { token: u.token, fetcher }));
    expect(isolate.queries()).toBe(afterStatus + 2);
  });

  it("renews a kept session shortly before it expires, and keeps the new one", async () => {
    const u = await newUser("agreed");
    expectOk("listCards", await call("listCards", { token: u.token }));
    const id = await partnerIdOf(u);
    const old = await sessionIdOf(id, "card");
    await env.DB.prepare("UPDATE partner_sessions SET expires_at = ? WHERE partner_user_id = ? AND kind = 'card'").bind(Date.now() + 30_000, id).run();

    const isolate = freshIsolate();
    const fetcher = isolate.fetcher;
    expectOk("listCards", await call("listCards", { token: u.token, fetcher }));
    const renewed = await sessionIdOf(id, "card");
    expect(renewed).not.toBe(old);
    const queries = isolate.queries();
    expectOk("listCards", await call("listCards", { token: u.token, fetcher }));
    expect(isolate.queries()).toBe(queries);
    expect(await sessionIdOf(id, "card")).toBe(renewed);
  });
});

describe("userCache", () => {
  const db = {} as D1Database;
  const row = (sub: string, kycStatus: "approved" | "pending" = "approved"): UserWithSessions => ({
    user: {
      partnerUserId: `mc_${sub}`,
      crossmintUserId: sub,
      machinesUserId: `m-${sub}`,
      walletAddress: "0x" + "ab".repeat(20),
      kycStatus,
      linkedAt: "2026-01-01T00:00:00.000Z",
      lastUsedAt: "2026-01-01T00:00:00.000Z",
    },
    sessions: {
      card: { kind: "card", sessionId: `s-${sub}`, scopes: ["cards.read"], expiresAt: 2_000_000_000_000, sealed: { iv: "aXY=", ciphertext: "Y3Q=" } },
    },
  });

  it(`trusts a row for ${USER_CACHE_TTL_MS / 1000} s after it was read, then reads again`, () => {
    userCache.remember(db, row("ttl"), 1_000);
    expect(userCache.get(db, "ttl", 1_000 + USER_CACHE_TTL_MS - 1)?.user.partnerUserId).toBe("mc_ttl");
    expect(userCache.get(db, "ttl", 1_000 + USER_CACHE_TTL_MS)).toBeUndefined();
    expect(userCache.get(db, "ttl", 1_000 + USER_CACHE_TTL_MS - 1)).toBeUndefined();
  });

  it("keeps only approved users, per database, and hands out copies", () => {
    userCache.remember(db, row("pending", "pending"), 1_000);
    expect(userCache.get(db, "pending", 1_001)).toBeUndefined();
    userCache.remember(db, row("copy"), 1_000);
    expect(userCache.get({} as D1Database, "copy", 1_001)).toBeUndefined();
    const first = userCache.get(db, "copy", 1_001)!;
    first.user.kycStatus = "locked";
    delete first.sessions.card;
    expect(userCache.get(db, "copy", 1_002)).toEqual(row("copy"));
  });

  it("follows this isolate's own writes: sessions saved and refused, KYC status, last use", () => {
    userCache.remember(db, row("own"), 1_000);
    const fresh = { ...row("own").sessions.card!, sessionId: "s-new" };
    userCache.sessionRefused(db, "own", "card", "s-someone-else");
    expect(userCache.get(db, "own", 1_001)?.sessions.card?.sessionId).toBe("s-own");
    userCache.sessionSaved(db, "own", fresh);
    expect(userCache.get(db, "own", 1_001)?.sessions.card).toEqual(fresh);
    userCache.sessionRefused(db, "own", "card", "s-new");
    expect(userCache.get(db, "own", 1_001)?.sessions.card).toBeUndefined();
    userCache.touched(db, "own", "2026-02-02T00:00:00.000Z");
    expect(userCache.get(db, "own", 1_001)?.user.lastUsedAt).toBe("2026-02-02T00:00:00.000Z");
    expect(userCache.get(db, "own", USER_CACHE_TTL_MS + 999)).toBeDefined(); // own writes do not extend the row's age
    userCache.kycStatusChanged(db, "own", "denied");
    expect(userCache.get(db, "own", 1_001)).toBeUndefined();
  });
});

describe("openedTokens", () => {
  const key = new Uint8Array(32);
  const sealed = { iv: "aXY=", ciphertext: "Y3Q=" };

  it("answers only for the same sealed value, until the session expires", () => {
    openedTokens.set(key, "ctx", sealed, "token-1", 5_000);
    expect(openedTokens.get(key, "ctx", { ...sealed }, 4_999)).toBe("token-1");
    expect(openedTokens.get(key, "ctx", { iv: "b3Rocg==", ciphertext: sealed.ciphertext }, 4_999)).toBeUndefined();
    expect(openedTokens.get(key, "other", sealed, 4_999)).toBeUndefined();
    expect(openedTokens.get(new Uint8Array(32), "ctx", sealed, 4_999)).toBeUndefined();
    expect(openedTokens.get(key, "ctx", sealed, 5_000)).toBeUndefined();
    expect(openedTokens.get(key, "ctx", sealed, 4_000)).toBeUndefined(); // expired entries are gone
  });

  it("forgets a refused token, not a newer one", () => {
    openedTokens.set(key, "refused", sealed, "newer", 9_000);
    openedTokens.forget(key, "refused", "older");
    expect(openedTokens.get(key, "refused", sealed, 1)).toBe("newer");
    openedTokens.forget(key, "refused", "newer");
    expect(openedTokens.get(key, "refused", sealed, 1)).toBeUndefined();
  });
});
