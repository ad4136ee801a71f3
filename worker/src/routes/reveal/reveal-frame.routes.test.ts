import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { RevealedCard } from "@machines-card/contract/api/reveal";
import { okEnvelope } from "@machines-card/contract/envelope";
import { BASE, call, expectError, expectOk, send } from "#test/helpers/api";
import { listAudit } from "../../audit/audit.queries";
import { newTicket, ticketHash } from "../../reveal/ticket-id";
import { cardOwner, PAGE, redeem, THEME_BODY, ticketFor } from "#test/helpers/reveal";

const redeemed = (reply: Awaited<ReturnType<typeof redeem>>) => {
  if (reply.status !== 200) throw new Error(`redeem: ${reply.status} ${reply.text.slice(0, 300)}`);
  return okEnvelope(RevealedCard).parse(reply.body).data;
};

describe("POST /reveal/redeem (the frame's call)", () => {
  it("answers the frame the number, expiry and CVC (the JSON reveal's), with the ticket's look, never cached, and audits it", async () => {
    const { token, card, partnerUserId } = await cardOwner();
    const json = expectOk("revealCard", await call("revealCard", { token, params: { cardId: card.id }, body: {} }));
    const ticket = await ticketFor(token, card.id, { ...THEME_BODY, hideAfterSeconds: 20 });
    const reply = await redeem(ticket);
    const shown = redeemed(reply);
    expect(shown).toEqual({
      pan: json.pan,
      cvc: json.cvc,
      expiry: `${String(json.expirationMonth).padStart(2, "0")}/${String(json.expirationYear % 100).padStart(2, "0")}`,
      last4: card.last4,
      theme: THEME_BODY.theme,
      locale: "es",
      origin: PAGE,
      hideAfterSeconds: 20,
    });
    expect(reply.headers.get("Cache-Control")).toBe("no-store, max-age=0");
    expect(reply.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const outcomes = (await listAudit(env.DB, partnerUserId, "card.reveal")).map((a) => a.outcome);
    expect(outcomes).toEqual(["succeeded", "ticket_issued", "succeeded"]);
    expect(JSON.stringify(await env.DB.prepare("SELECT * FROM reveal_tickets").all())).not.toContain(json.pan);
  });

  it("redeems a ticket once: a replay is refused (410 reveal_ticket_used) and audited", async () => {
    const { token, card, partnerUserId } = await cardOwner();
    const ticket = await ticketFor(token, card.id);
    redeemed(await redeem(ticket));
    const replay = await redeem(ticket);
    expectError(replay, 410, "reveal_ticket_used");
    expect(replay.text).not.toMatch(/\d{12,}/);
    expect((await listAudit(env.DB, partnerUserId, "card.reveal"))[0]).toMatchObject({ resourceId: card.id, outcome: "refused_used" });
  });

  it("lets exactly one of several racing redeems through", async () => {
    const { token, card } = await cardOwner();
    const ticket = await ticketFor(token, card.id);
    const replies = await Promise.all(Array.from({ length: 5 }, () => redeem(ticket)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 410, 410, 410, 410]);
  });

  it("refuses an expired ticket (410 reveal_ticket_expired), audited", async () => {
    const { token, card, partnerUserId } = await cardOwner();
    const ticket = await ticketFor(token, card.id);
    await env.DB.prepare("UPDATE reveal_tickets SET expires_at = ?2 WHERE ticket_hash = ?1").bind(await ticketHash(ticket), Date.now() - 1).run();
    expectError(await redeem(ticket), 410, "reveal_ticket_expired");
    expect((await listAudit(env.DB, partnerUserId, "card.reveal"))[0]).toMatchObject({ outcome: "refused_expired" });
  });

  it("refuses a frame embedded in another page than the one that asked (403), without using the ticket up", async () => {
    const { token, card, partnerUserId } = await cardOwner();
    const ticket = await ticketFor(token, card.id);
    expectError(await redeem(ticket, { ancestorOrigin: "https://evil.example" }), 403, "reveal_ticket_wrong_origin");
    expectError(await redeem(ticket, { ancestorOrigin: null }), 403, "reveal_ticket_wrong_origin");
    expect((await listAudit(env.DB, partnerUserId, "card.reveal")).slice(0, 2).map((a) => a.outcome)).toEqual(["refused_origin", "refused_origin"]);
    redeemed(await redeem(ticket));
  });

  it("refuses an unknown ticket (404) and a malformed one (400)", async () => {
    expectError(await redeem(newTicket()), 404, "reveal_ticket_unknown");
    expectError(await redeem("not-a-ticket"), 400, "invalid_request", "ticket");
  });

  it("is answered to the frame only: a partner page (or no Origin) is refused even with a live ticket", async () => {
    const { token, card } = await cardOwner();
    const ticket = await ticketFor(token, card.id);
    expectError(await redeem(ticket, { origin: PAGE }), 403, "origin_not_allowed", "Origin");
    expectError(await redeem(ticket, { origin: null }), 403, "origin_not_allowed", "Origin");
    redeemed(await redeem(ticket));
  });

  it("knows no bearer token: the user's token neither helps nor is needed", async () => {
    const { token, card } = await cardOwner();
    const ticket = await ticketFor(token, card.id);
    const reply = await send(
      new Request(`${BASE}/reveal/redeem`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: BASE, Authorization: "Bearer nonsense" },
        body: JSON.stringify({ ticket, ancestorOrigin: PAGE }),
      }),
    );
    redeemed(reply);
  });
});

describe("GET /reveal (the frame page)", () => {
  it("is HTML with its own strict policy, framed only by ALLOWED_ORIGINS, no X-Frame-Options, never cached", async () => {
    const reply = await send(new Request(`${BASE}/reveal?locale=en&scheme=light`));
    expect(reply.status).toBe(200);
    expect(reply.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(reply.headers.get("Content-Security-Policy")).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "frame-ancestors https://shop.example http://127.0.0.1:8787; base-uri 'none'; form-action 'none'",
    );
    expect(reply.headers.get("X-Frame-Options")).toBeNull();
    expect(reply.headers.get("Cache-Control")).toBe("no-store");
    expect(reply.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(reply.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(reply.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect(reply.headers.get("Cross-Origin-Embedder-Policy")).toBe("require-corp");
    expect(reply.text).toContain('<script src="/reveal/frame.js" defer></script>');
    expect(reply.text).toContain('<link rel="stylesheet" href="/reveal/frame.css" />');
    // Nothing inline for the policy to refuse.
    expect(reply.text).not.toMatch(/<script>|<style|style=|\son[a-z]+=/i);
  });

  it("serves its script and style from the Worker's own origin, as the right types", async () => {
    const script = await send(new Request(`${BASE}/reveal/frame.js`));
    expect(script.status).toBe(200);
    expect(script.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(script.text.startsWith('"use strict";\n(() => {')).toBe(true);
    expect(script.text).toContain("REVEAL_FRAME_MESSAGES");
    expect(script.text).toContain('fetch("/reveal/redeem"');
    expect(script.text).not.toMatch(/https?:\/\//);
    const style = await send(new Request(`${BASE}/reveal/frame.css`));
    expect(style.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    expect(style.text).toContain("--mc-color-surface");
    expect(style.text).not.toMatch(/url\(|@import/);
  });

  it("leaves every other reply unframeable", async () => {
    const config = await call("getConfig");
    expect(config.headers.get("X-Frame-Options")).toBe("DENY");
    expect(config.headers.get("Content-Security-Policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
