import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectOk } from "../../test/helpers/api";
import { freshIsolate } from "../../test/helpers/counting-db";
import { newUser, type TestUser } from "../../test/helpers/users";
import { workerWith } from "../../test/helpers/worker-with";
import { base64ToBytes } from "../crypto/base64";
import { dataKey, seal, unseal } from "../crypto/sealed-box";
import { settingsFrom } from "../settings/settings";

interface SessionRow {
  kind: "kyc" | "card";
  session_id: string;
  scopes: string;
  expires_at: number;
  token_iv: string;
  token_ciphertext: string;
}

const partnerIdOf = async (u: TestUser) => expectOk("getMe", await call("getMe", { token: u.token })).user.id;
const rowsOf = async (partnerUserId: string) =>
  (await env.DB.prepare("SELECT * FROM partner_sessions WHERE partner_user_id = ? ORDER BY kind").bind(partnerUserId).all<SessionRow>()).results;
const row = async (partnerUserId: string, kind: "kyc" | "card") => (await rowsOf(partnerUserId)).find((r) => r.kind === kind)!;
const key = () => dataKey(settingsFrom(env).dataEncryptionKey);
const context = (partnerUserId: string, kind: string) => `partner-session:${partnerUserId}:${kind}`;

describe("partner sessions", () => {
  it("hold KYC scopes before approval; card scopes, in a separate session, after it", async () => {
    const u = await newUser();
    const id = await partnerIdOf(u);
    expect((await rowsOf(id)).map((r) => [r.kind, r.scopes])).toEqual([["kyc", "kyc.read kyc.write"]]);
    // Balances work with either session: before approval, the KYC one (no card session is minted).
    expectOk("getBalances", await call("getBalances", { token: u.token }));
    expect((await rowsOf(id)).map((r) => r.kind)).toEqual(["kyc"]);

    const approved = await newUser("agreed");
    const approvedId = await partnerIdOf(approved);
    expectOk("listCards", await call("listCards", { token: approved.token }));
    const card = await row(approvedId, "card");
    expect(card.scopes.split(" ")).toEqual(expect.arrayContaining(["cards.read", "cards.write", "cards.secrets.read", "withdrawals.write"]));
    expect(card.session_id).not.toBe((await row(approvedId, "kyc")).session_id);
  });

  it("are stored sealed: the row decrypts to the token, and holds no plaintext of it", async () => {
    const u = await newUser();
    const id = await partnerIdOf(u);
    const r = await row(id, "kyc");
    const token = await unseal(await key(), { iv: r.token_iv, ciphertext: r.token_ciphertext }, context(id, "kyc"));
    expect(token.split(".")).toHaveLength(3);
    expect(JSON.stringify(r)).not.toContain(token);
    expect(new TextDecoder().decode(base64ToBytes(r.token_ciphertext))).not.toContain(token.slice(0, 20));
  });

  it("are reused: a read with a cached session makes at most one D1 query (none once the isolate is warm) and no mint", async () => {
    const u = await newUser("agreed");
    expectOk("listCards", await call("listCards", { token: u.token }));
    const id = await partnerIdOf(u);
    const before = await rowsOf(id);

    const { fetcher, queries } = freshIsolate();
    expectOk("listCards", await call("listCards", { token: u.token, fetcher }));
    expect(queries()).toBe(1);
    expectOk("getBalances", await call("getBalances", { token: u.token, fetcher }));
    expectOk("listCards", await call("listCards", { token: u.token, fetcher }));
    expect(queries()).toBe(1);
    expect(await rowsOf(id)).toEqual(before);
  });

  it("are re-minted when Machines refuses one (401), the call succeeds, and the isolate keeps the new one", async () => {
    const u = await newUser("approved");
    const id = await partnerIdOf(u);
    const stale = await row(id, "kyc");
    const bogus = await seal(await key(), "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.bm90LWEtc2lnbmF0dXJl", context(id, "kyc"));
    await env.DB.prepare("UPDATE partner_sessions SET token_iv = ?, token_ciphertext = ? WHERE partner_user_id = ? AND kind = 'kyc'")
      .bind(bogus.iv, bogus.ciphertext, id)
      .run();
    // An isolate that reads the refused token from D1 (this test's own warm isolate already holds the good one).
    const isolate = freshIsolate();
    const fetcher = isolate.fetcher;
    expect(expectOk("getKycStatus", await call("getKycStatus", { token: u.token, fetcher })).status).toBe("approved");
    const renewed = await row(id, "kyc");
    expect(renewed.session_id).not.toBe(stale.session_id);

    // Warm: the re-minted session is the one used (the refused one would 401 and mint again: D1 writes).
    const queries = isolate.queries();
    expect(expectOk("getKycStatus", await call("getKycStatus", { token: u.token, fetcher })).status).toBe("approved");
    expect(isolate.queries()).toBe(queries);
    expect((await row(id, "kyc")).session_id).toBe(renewed.session_id);
  });

  it("are renewed shortly before they expire", async () => {
    const u = await newUser();
    const id = await partnerIdOf(u);
    const old = await row(id, "kyc");
    await env.DB.prepare("UPDATE partner_sessions SET expires_at = ? WHERE partner_user_id = ?").bind(Date.now() + 30_000, id).run();
    expectOk("getKycStatus", await call("getKycStatus", { token: u.token }));
    const renewed = await row(id, "kyc");
    expect(renewed.session_id).not.toBe(old.session_id);
    expect(renewed.expires_at).toBeGreaterThan(Date.now() + 10 * 60_000);
  });

  it("are minted afresh when DATA_ENCRYPTION_KEY was rotated (old rows no longer open)", async () => {
    const u = await newUser();
    const id = await partnerIdOf(u);
    const old = await row(id, "kyc");
    const rotated = workerWith({ DATA_ENCRYPTION_KEY: btoa("r".repeat(32)) });
    expectOk("getKycStatus", await call("getKycStatus", { token: u.token, fetcher: rotated }));
    expect((await row(id, "kyc")).session_id).not.toBe(old.session_id);
  });

  it("honour SESSION_TTL_SECONDS", async () => {
    const u = await newUser();
    const id = await partnerIdOf(u);
    await env.DB.prepare("DELETE FROM partner_sessions WHERE partner_user_id = ?").bind(id).run();
    expectOk("getKycStatus", await call("getKycStatus", { token: u.token, fetcher: workerWith({ SESSION_TTL_SECONDS: "3600" }) }));
    const ttl = ((await row(id, "kyc")).expires_at - Date.now()) / 1000;
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });
});
