import type { CreateRevealTicketBody } from "@machines-card/contract/api/reveal";
import { BASE, call, expectOk, send, type ApiReply } from "./api";
import { newUser } from "./users";

/** The page the tests embed the frame in (in ALLOWED_ORIGINS of the test Worker). */
export const PAGE = "https://shop.example";

export const THEME_BODY: CreateRevealTicketBody = {
  theme: { scheme: "dark", colors: { brand: "#6760ee", text: "#f2f3f5", surface: "#1f2026" }, font: `"Inter", system-ui, sans-serif`, radius: 8 },
  locale: "es",
};

/** A signed-in, approved user with one card. */
export async function cardOwner() {
  const u = await newUser("agreed");
  const { card } = expectOk("createCard", await call("createCard", { token: u.token, body: {}, idempotencyKey: crypto.randomUUID() }));
  const me = expectOk("getMe", await call("getMe", { token: u.token }));
  return { ...u, card, partnerUserId: me.user.id };
}

export function askTicket(token: string, cardId: string, o: { body?: unknown; origin?: string | null } = {}): Promise<ApiReply> {
  return call("createRevealTicket", {
    token,
    params: { cardId },
    body: o.body ?? THEME_BODY,
    ...(o.origin === null ? {} : { origin: o.origin ?? PAGE }),
  });
}

/** The ticket in a frame URL's fragment. */
export const ticketOf = (frameUrl: string) => new URL(frameUrl).hash.slice(1);

export async function ticketFor(token: string, cardId: string, body?: unknown): Promise<string> {
  return ticketOf(expectOk("createRevealTicket", await askTicket(token, cardId, { body })).frameUrl);
}

/** What the frame sends: its own origin (the Worker's) and the page it is embedded in. */
export function redeem(ticket: string, o: { ancestorOrigin?: string | null; origin?: string | null } = {}): Promise<ApiReply> {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (o.origin !== null) headers.set("Origin", o.origin ?? BASE);
  const body = JSON.stringify({ ticket, ancestorOrigin: o.ancestorOrigin === undefined ? PAGE : o.ancestorOrigin });
  return send(new Request(`${BASE}/reveal/redeem`, { method: "POST", headers, body }));
}
