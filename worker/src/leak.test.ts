import { env, SELF } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BASE, call, expectOk, type ApiReply } from "../test/helpers/api";
import { controls } from "../test/helpers/sandbox";
import { kycApplication, newEmail, signIn } from "../test/helpers/users";
import { TEST_CROSSMINT_SERVER_KEY, TEST_PARTNER_KEY } from "../test/test-keys";
import { dataKey, unseal } from "./crypto/sealed-box";
import { settingsFrom } from "./settings/settings";

/**
 * The whole card journey with a distinctive partner key: no reply (body or header), no log line and no
 * D1 row may ever contain the partner key, the Crossmint server key, the data key, a partner session
 * token, or a card number in plain text; nor a reveal ticket (the reveal frame's redeem included).
 */
const replies: ApiReply[] = [];
const sessionTokens = new Set<string>();
const logLines: string[] = [];
let pan = "";
let ticket = "";
let email = "";

const record = async (request: Request) => {
  const res = await SELF.fetch(request);
  const copy = res.clone();
  replies.push({ status: res.status, headers: res.headers, body: undefined, text: await copy.text() });
  await collectSessionTokens();
  return res;
};

async function collectSessionTokens() {
  const key = await dataKey(settingsFrom(env).dataEncryptionKey);
  const { results } = await env.DB.prepare("SELECT partner_user_id, kind, token_iv, token_ciphertext FROM partner_sessions").all<{
    partner_user_id: string;
    kind: string;
    token_iv: string;
    token_ciphertext: string;
  }>();
  for (const r of results) {
    sessionTokens.add(await unseal(key, { iv: r.token_iv, ciphertext: r.token_ciphertext }, `partner-session:${r.partner_user_id}:${r.kind}`));
  }
}

async function dumpD1(): Promise<string> {
  const { results: tables } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>();
  const rows = await Promise.all(tables.map(async (t) => [t.name, (await env.DB.prepare(`SELECT * FROM "${t.name}"`).all()).results]));
  return JSON.stringify(rows);
}

beforeAll(async () => {
  for (const level of ["log", "info", "warn", "error"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logLines.push(args.map(String).join(" ")));
  }
  email = newEmail("leak");
  const token = await signIn(email);
  const o = { token, fetcher: record };
  expectOk("getConfig", await call("getConfig", { fetcher: record }));
  expectOk("getMe", await call("getMe", o));
  expectOk("getKycValues", await call("getKycValues", o));
  expectOk("submitKycApplication", await call("submitKycApplication", { ...o, body: kycApplication({ email }) }));
  expectOk("getKycStatus", await call("getKycStatus", o));
  expectOk("getAgreements", await call("getAgreements", o));
  expectOk("acceptAgreements", await call("acceptAgreements", { ...o, body: { accepted: true } }));
  expectOk("listDepositAssets", await call("listDepositAssets", o));
  expectOk("getDepositRange", await call("getDepositRange", { ...o, body: { currency: "rusd", network: "base" } }));
  expectOk("estimateDeposit", await call("estimateDeposit", { ...o, body: { currency: "rusd", network: "base", amount: 50 } }));
  const { deposit } = expectOk("createDeposit", await call("createDeposit", { ...o, body: { currency: "rusd", network: "base", amount: 50 }, idempotencyKey: crypto.randomUUID() }));
  await controls().completeDeposit(deposit.id, 50_00);
  expectOk("getDeposit", await call("getDeposit", { ...o, params: { depositId: deposit.id } }));
  expectOk("listDeposits", await call("listDeposits", o));
  expectOk("getBalances", await call("getBalances", o));
  const { card } = expectOk("createCard", await call("createCard", { ...o, body: { label: "Leak test", limit: { amountCents: 100_00, frequency: "allTime" } }, idempotencyKey: crypto.randomUUID() }));
  expectOk("listCards", await call("listCards", o));
  expectOk("getCard", await call("getCard", { ...o, params: { cardId: card.id } }));
  expectOk("updateCard", await call("updateCard", { ...o, params: { cardId: card.id }, body: { status: "locked" } }));
  expectOk("updateCard", await call("updateCard", { ...o, params: { cardId: card.id }, body: { status: "active", label: "Renamed" } }));
  pan = expectOk("revealCard", await call("revealCard", { ...o, params: { cardId: card.id }, body: {} })).pan;
  // The reveal frame: a ticket for the page, redeemed by the frame, then replayed.
  const theme = { scheme: "light", colors: { brand: "#4f46e5" } } as const;
  const { frameUrl } = expectOk("createRevealTicket", await call("createRevealTicket", { ...o, params: { cardId: card.id }, body: { theme, locale: "en" }, origin: "https://shop.example" }));
  ticket = new URL(frameUrl).hash.slice(1);
  const redeem = () =>
    record(new Request(`${BASE}/reveal/redeem`, { method: "POST", headers: { "Content-Type": "application/json", Origin: BASE }, body: JSON.stringify({ ticket, ancestorOrigin: "https://shop.example" }) }));
  expect((await (await redeem()).json<{ data: { pan: string } }>()).data.pan).toBe(pan);
  expect((await redeem()).status).toBe(410);
  await record(new Request(`${BASE}/reveal`));
  await controls().purchase(card.id, 5_00);
  expectOk("listTransactions", await call("listTransactions", o));
  expectOk("listWithdrawalAssets", await call("listWithdrawalAssets", o));
  expectOk("getMe", await call("getMe", o));
  expectOk("cancelCard", await call("cancelCard", { ...o, params: { cardId: card.id } }));
  // Refusals and errors too.
  await call("getCard", { ...o, params: { cardId: "00000000-0000-4000-8000-000000000000" } });
  await call("createCard", { ...o, body: { label: "" }, idempotencyKey: crypto.randomUUID() });
  await call("getMe", { token: "not-a-token", fetcher: record });
});

afterAll(() => vi.restoreAllMocks());

describe("secrets never leave the Worker", () => {
  const secrets = () => [
    ["the partner key", TEST_PARTNER_KEY],
    ["the Crossmint server key", TEST_CROSSMINT_SERVER_KEY],
    ["the data encryption key", env.DATA_ENCRYPTION_KEY!],
    ...[...sessionTokens].map((t, i) => [`partner session token ${i + 1}`, t] as const),
  ];

  it("ran the journey and saw partner sessions of both kinds", () => {
    expect(replies.length).toBeGreaterThan(25);
    expect(sessionTokens.size).toBeGreaterThanOrEqual(2);
    expect(pan).toMatch(/^\d{16}$/);
  });

  it("in no reply body or header", () => {
    for (const reply of replies) {
      const headers = JSON.stringify([...reply.headers.entries()]);
      for (const [name, secret] of secrets()) {
        expect(reply.text.includes(secret), `${name} in a reply body`).toBe(false);
        expect(headers.includes(secret), `${name} in a reply header`).toBe(false);
      }
      expect(reply.text).not.toMatch(/"secretKey"|"sessionToken"/);
    }
  });

  it("in no D1 row, and no card number in D1 either", async () => {
    const everything = await dumpD1();
    for (const [name, secret] of secrets()) expect(everything.includes(secret), `${name} in D1`).toBe(false);
    expect(everything).not.toContain(pan);
    expect(everything).not.toContain(email);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(everything, "a reveal ticket in D1 (only its hash belongs there)").not.toContain(ticket);
  });

  it("in no log line, and neither the card number nor the email", () => {
    const logs = logLines.join("\n");
    for (const [name, secret] of secrets()) expect(logs.includes(secret), `${name} in the logs`).toBe(false);
    expect(logs).not.toContain(pan);
    expect(logs).not.toContain(email);
    expect(logs).not.toContain(ticket);
  });
});
