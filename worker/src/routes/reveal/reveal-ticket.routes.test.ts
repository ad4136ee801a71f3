import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "#test/helpers/api";
import { newUser } from "#test/helpers/users";
import { listAudit } from "../../audit/audit.queries";
import { findRevealTicket } from "../../reveal/reveal-tickets.queries";
import { ticketHash } from "../../reveal/ticket-id";
import { askTicket, cardOwner, PAGE, THEME_BODY, ticketOf } from "#test/helpers/reveal";

describe("POST /v1/cards/:cardId/reveal-ticket", () => {
  it("answers the owner a frame URL on the Worker's origin with a one-time ticket in its fragment, kept in D1 only as a hash", async () => {
    const { token, card, partnerUserId } = await cardOwner();
    const before = Date.now();
    const reply = await askTicket(token, card.id);
    const { frameUrl, expiresAt } = expectOk("createRevealTicket", reply);
    const url = new URL(frameUrl);
    expect(url.origin).toBe("https://worker.test");
    expect(url.pathname).toBe("/reveal");
    expect(Object.fromEntries(url.searchParams)).toEqual({ locale: "es", scheme: "dark" });
    expect(frameUrl).not.toContain(token);
    const ticket = ticketOf(frameUrl);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(expiresAt) - before).toBeGreaterThanOrEqual(59_000);
    expect(Date.parse(expiresAt) - before).toBeLessThanOrEqual(61_000 + 5_000);
    expect(reply.headers.get("Cache-Control")).toBe("no-store, max-age=0");
    expect(reply.headers.get("Access-Control-Allow-Origin")).toBe(PAGE);

    const stored = await findRevealTicket(env.DB, await ticketHash(ticket));
    expect(stored).toMatchObject({ partnerUserId, cardId: card.id, origin: PAGE, theme: THEME_BODY.theme, locale: "es", hideAfterSeconds: 45, usedAt: null });
    expect(JSON.stringify((await env.DB.prepare("SELECT * FROM reveal_tickets").all()).results)).not.toContain(ticket);
    expect(await listAudit(env.DB, partnerUserId, "card.reveal")).toEqual([
      expect.objectContaining({ resourceId: card.id, outcome: "ticket_issued", requestId: reply.body.requestId }),
    ]);
  });

  it("needs the user's token", async () => {
    const { card } = await cardOwner();
    expectError(await call("createRevealTicket", { params: { cardId: card.id }, body: THEME_BODY, origin: PAGE }), 401, "unauthorized");
  });

  it("is only for a page in ALLOWED_ORIGINS: no Origin (a server) or another one is refused, and no ticket is made", async () => {
    const { token, card, partnerUserId } = await cardOwner();
    expectError(await askTicket(token, card.id, { origin: null }), 403, "origin_not_allowed", "Origin");
    expectError(await askTicket(token, card.id, { origin: "https://evil.example" }), 403, "origin_not_allowed", "Origin");
    expect((await listAudit(env.DB, partnerUserId, "card.reveal")).map((a) => a.outcome)).toEqual(["origin_not_allowed"]);
    expect((await env.DB.prepare("SELECT 1 FROM reveal_tickets WHERE partner_user_id = ?1").bind(partnerUserId).all()).results).toEqual([]);
  });

  it("is only for the user's own card: another user's card is 404 (whatever the Origin), audited, and no ticket is made", async () => {
    const owner = await cardOwner();
    const other = await newUser("agreed");
    const otherId = expectOk("getMe", await call("getMe", { token: other.token })).user.id;
    expectError(await askTicket(other.token, owner.card.id), 404, "not_found");
    expectError(await askTicket(other.token, owner.card.id, { origin: null }), 404, "not_found");
    expect((await listAudit(env.DB, otherId, "card.reveal")).map((a) => a.outcome)).toEqual(["not_found", "not_found"]);
    const { results } = await env.DB.prepare("SELECT 1 FROM reveal_tickets WHERE partner_user_id = ?1").bind(otherId).all();
    expect(results).toEqual([]);
  });

  it("counts against the same per-user limit as the JSON reveal, whichever comes first", async () => {
    const { token, card, partnerUserId } = await cardOwner();
    for (let i = 0; i < 3; i++) expectOk("revealCard", await call("revealCard", { token, params: { cardId: card.id }, body: {} }));
    for (let i = 0; i < 2; i++) expectOk("createRevealTicket", await askTicket(token, card.id));
    const limited = await askTicket(token, card.id);
    expectError(limited, 429, "rate_limited");
    expect(limited.headers.get("Retry-After")).toBe("60");
    expectError(await call("revealCard", { token, params: { cardId: card.id }, body: {} }), 429, "rate_limited");
    const outcomes = (await listAudit(env.DB, partnerUserId, "card.reveal")).map((a) => a.outcome);
    expect(outcomes.slice(0, 2)).toEqual(["rate_limited", "rate_limited"]);
    expect(outcomes.filter((o) => o === "ticket_issued")).toHaveLength(2);
  });

  let owner: ReturnType<typeof cardOwner> | undefined;
  it.each([
    ["a colour that is not #rrggbb", { ...THEME_BODY, theme: { ...THEME_BODY.theme, colors: { brand: "red;}body{" } } }, "theme.colors.brand"],
    ["a font with CSS syntax in it", { ...THEME_BODY, theme: { ...THEME_BODY.theme, font: "x;background:url(//evil)" } }, "theme.font"],
    ["a radius out of bounds", { ...THEME_BODY, theme: { ...THEME_BODY.theme, radius: 400 } }, "theme.radius"],
    ["an unknown colour", { ...THEME_BODY, theme: { ...THEME_BODY.theme, colors: { shadow: "#000000" } } }, "theme.colors.shadow"],
    ["a scheme other than light or dark", { ...THEME_BODY, theme: { ...THEME_BODY.theme, scheme: "sepia" } }, "theme.scheme"],
    ["a language the frame does not speak", { ...THEME_BODY, locale: "fr" }, "locale"],
    ["a countdown out of bounds", { ...THEME_BODY, hideAfterSeconds: 3600 }, "hideAfterSeconds"],
  ])("refuses %s (400 naming the field)", async (_, body, field) => {
    const { token, card } = await (owner ??= cardOwner());
    expectError(await askTicket(token, card.id, { body }), 400, "invalid_request", field);
  });
});
