import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "../../test/helpers/api";
import { newUser } from "../../test/helpers/users";
import { listAudit } from "../audit/audit.queries";

function luhn(pan: string): boolean {
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let d = Number(pan[pan.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

async function cardOwner() {
  const u = await newUser("agreed");
  const { card } = expectOk("createCard", await call("createCard", { token: u.token, body: {}, idempotencyKey: crypto.randomUUID() }));
  const me = expectOk("getMe", await call("getMe", { token: u.token }));
  return { ...u, card, partnerUserId: me.user.id };
}

describe("POST /v1/cards/:cardId/reveal", () => {
  it("answers the owner the decrypted number, CVC and expiry, never cached, and audits it without the number", async () => {
    const { token, card, partnerUserId } = await cardOwner();
    const reply = await call("revealCard", { token, params: { cardId: card.id }, body: {} });
    const secrets = expectOk("revealCard", reply);
    expect(secrets.pan).toMatch(/^\d{16}$/);
    expect(luhn(secrets.pan)).toBe(true);
    expect(secrets.pan.endsWith(card.last4)).toBe(true);
    expect(secrets.cvc).toMatch(/^\d{3}$/);
    expect(secrets).toMatchObject({ last4: card.last4, expirationMonth: card.expirationMonth, expirationYear: card.expirationYear });
    expect(reply.headers.get("Cache-Control")).toBe("no-store, max-age=0");
    expect(reply.text).not.toMatch(/secretKey|sessionId/);

    const audit = await listAudit(env.DB, partnerUserId, "card.reveal");
    expect(audit).toEqual([expect.objectContaining({ resourceId: card.id, outcome: "succeeded", requestId: reply.body.requestId })]);
    const everything = JSON.stringify(await Promise.all(["users", "audit_events", "partner_sessions", "card_requests"].map((t) => env.DB.prepare(`SELECT * FROM ${t}`).all())));
    expect(everything).not.toContain(secrets.pan);
  });

  it("is rate-limited per user (429 with Retry-After), and the refusal is audited", async () => {
    const { token, card, partnerUserId } = await cardOwner();
    for (let i = 0; i < 5; i++) expectOk("revealCard", await call("revealCard", { token, params: { cardId: card.id }, body: {} }));
    const limited = await call("revealCard", { token, params: { cardId: card.id }, body: {} });
    expectError(limited, 429, "rate_limited");
    expect(limited.headers.get("Retry-After")).toBe("60");
    const outcomes = (await listAudit(env.DB, partnerUserId, "card.reveal")).map((a) => a.outcome);
    expect(outcomes).toEqual(["rate_limited", ...Array(5).fill("succeeded")]);
  });

  it("answers 404 for an unknown card and audits it", async () => {
    const { token, partnerUserId } = await cardOwner();
    expectError(await call("revealCard", { token, params: { cardId: "00000000-0000-4000-8000-000000000000" }, body: {} }), 404, "not_found");
    expect((await listAudit(env.DB, partnerUserId, "card.reveal"))[0]).toMatchObject({ outcome: "not_found" });
  });

  it("takes an empty body, or {}, and nothing else", async () => {
    const { token, card } = await cardOwner();
    expectOk("revealCard", await call("revealCard", { token, params: { cardId: card.id } }));
    expectError(await call("revealCard", { token, params: { cardId: card.id }, body: { secretKey: "00" } }), 400, "invalid_request", "secretKey");
  });
});
