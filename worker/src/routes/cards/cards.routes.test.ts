import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "#test/helpers/api";
import { newUser, type TestUser } from "#test/helpers/users";

const LIMIT = { amountCents: 500_00, frequency: "per30DayPeriod" } as const;
const create = (u: TestUser, body: object = {}, idempotencyKey = crypto.randomUUID()) => call("createCard", { token: u.token, body, idempotencyKey });
const cardsOf = async (u: TestUser) => expectOk("listCards", await call("listCards", { token: u.token })).cards;

describe("creating cards", () => {
  it("needs agreements first (409 agreements_required), and KYC before that (409 kyc_required)", async () => {
    expectError(await create(await newUser()), 409, "kyc_required");
    expectError(await create(await newUser("approved")), 409, "agreements_required");
  });

  it("creates a card with a label (encrypted at Machines) and a limit, and shows the label in clear", async () => {
    const u = await newUser("agreed");
    const { card } = expectOk("createCard", await create(u, { label: "  Groceries  ", limit: LIMIT }));
    expect(card).toMatchObject({ status: "active", brand: "VISA", label: "Groceries", limit: LIMIT });
    expect(card.last4).toMatch(/^\d{4}$/);
    expect(await cardsOf(u)).toEqual([card]);
    expect(expectOk("getCard", await call("getCard", { token: u.token, params: { cardId: card.id } })).card).toEqual(card);
    // The label is stored at Machines encrypted; the Worker keeps neither it nor a plaintext copy.
    const rows = JSON.stringify((await env.DB.prepare("SELECT * FROM card_requests").all()).results);
    expect(rows).not.toContain("Groceries");
  });

  it("creates one card for a double click: the same key gives the same card", async () => {
    const u = await newUser("agreed");
    const key = crypto.randomUUID();
    const first = expectOk("createCard", await create(u, { label: "Travel" }, key)).card;
    const second = expectOk("createCard", await create(u, { label: "Travel" }, key)).card;
    expect(second).toEqual(first);
    expect(await cardsOf(u)).toHaveLength(1);
  });

  it("creates one card for fifty concurrent requests with one key", async () => {
    const u = await newUser("agreed");
    const key = crypto.randomUUID();
    const replies = await Promise.all(Array.from({ length: 50 }, () => create(u, { label: "Concurrent", limit: LIMIT }, key)));
    const ids = new Set(replies.map((r) => expectOk("createCard", r).card.id));
    expect(ids.size).toBe(1);
    expect(await cardsOf(u)).toHaveLength(1);
  });

  it("refuses the same key for a different card (409 idempotency_conflict)", async () => {
    const u = await newUser("agreed");
    const key = crypto.randomUUID();
    expectOk("createCard", await create(u, { label: "One" }, key));
    expectError(await create(u, { label: "Two" }, key), 409, "idempotency_conflict", "Idempotency-Key");
    expect(await cardsOf(u)).toHaveLength(1);
  });

  it("keeps keys per user: another user's key makes their own card", async () => {
    const [a, b] = await Promise.all([newUser("agreed"), newUser("agreed")]);
    const key = crypto.randomUUID();
    const cardA = expectOk("createCard", await create(a, { label: "Mine" }, key)).card;
    const cardB = expectOk("createCard", await create(b, { label: "Mine" }, key)).card;
    expect(cardB.id).not.toBe(cardA.id);
  });

  it("refuses a bad label or limit with the field", async () => {
    const u = await newUser("agreed");
    expectError(await create(u, { label: "   " }), 400, "invalid_request", "label");
    expectError(await create(u, { label: "x".repeat(51) }), 400, "invalid_request", "label");
    expectError(await create(u, { limit: { amountCents: 0, frequency: "per30DayPeriod" } }), 400, "invalid_request", "limit.amountCents");
    expectError(await create(u, { limit: { amountCents: 100, frequency: "weekly" } }), 400, "invalid_request", "limit.frequency");
  });
});

describe("managing a card", () => {
  it("locks and unlocks, changes the limit and the label", async () => {
    const u = await newUser("agreed");
    const { card } = expectOk("createCard", await create(u, { label: "Old name" }));
    const params = { cardId: card.id };
    expect(expectOk("updateCard", await call("updateCard", { token: u.token, params, body: { status: "locked" } })).card.status).toBe("locked");
    expect(expectOk("updateCard", await call("updateCard", { token: u.token, params, body: { status: "active" } })).card.status).toBe("active");
    const limited = expectOk("updateCard", await call("updateCard", { token: u.token, params, body: { limit: { amountCents: 100_00, frequency: "perAuthorization" } } })).card;
    expect(limited.limit).toEqual({ amountCents: 100_00, frequency: "perAuthorization" });
    const renamed = expectOk("updateCard", await call("updateCard", { token: u.token, params, body: { label: "New name" } })).card;
    expect(renamed.label).toBe("New name");
    expect((await cardsOf(u))[0]!.label).toBe("New name");
  });

  it("refuses an empty change and a status the contract does not allow", async () => {
    const u = await newUser("agreed");
    const { card } = expectOk("createCard", await create(u));
    expectError(await call("updateCard", { token: u.token, params: { cardId: card.id }, body: {} }), 400, "invalid_request");
    expectError(await call("updateCard", { token: u.token, params: { cardId: card.id }, body: { status: "canceled" } }), 400, "invalid_request", "status");
  });

  it("cancels for good: a canceled card cannot be unlocked (409 invalid_state)", async () => {
    const u = await newUser("agreed");
    const { card } = expectOk("createCard", await create(u));
    const canceled = expectOk("cancelCard", await call("cancelCard", { token: u.token, params: { cardId: card.id } })).card;
    expect(canceled).toMatchObject({ id: card.id, status: "canceled" });
    expectError(await call("updateCard", { token: u.token, params: { cardId: card.id }, body: { status: "active" } }), 409, "invalid_state");
  });

  it("answers 404 for another user's card, on every card route", async () => {
    const owner = await newUser("agreed");
    const { card } = expectOk("createCard", await create(owner));
    const stranger = await newUser("agreed");
    const params = { cardId: card.id };
    expectError(await call("getCard", { token: stranger.token, params }), 404, "not_found");
    expectError(await call("updateCard", { token: stranger.token, params, body: { status: "locked" } }), 404, "not_found");
    expectError(await call("cancelCard", { token: stranger.token, params }), 404, "not_found");
    expectError(await call("revealCard", { token: stranger.token, params, body: {} }), 404, "not_found");
    expect(expectOk("getCard", await call("getCard", { token: owner.token, params })).card.status).toBe("active");
  });

  it("pages through cards", async () => {
    const u = await newUser("agreed");
    expect(expectOk("listCards", await call("listCards", { token: u.token }))).toEqual({ cards: [], nextCursor: null });
    expectError(await call("listCards", { token: u.token, query: { cursor: "" } }), 400, "invalid_request", "cursor");
  });
});
