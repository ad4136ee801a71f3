import { describe, expect, it } from "vitest";
import { ErrorEnvelope } from "@machines-card/contract/envelope";
import { BASE, send } from "../../test/helpers/api";

describe("paths and methods the Worker does not serve", () => {
  it("an unknown path is 404 not_found, in the envelope", async () => {
    const reply = await send(new Request(`${BASE}/v1/nothing-here`));
    expect(reply.status).toBe(404);
    expect(ErrorEnvelope.parse(reply.body).errors[0]!.code).toBe("not_found");
  });

  it("a known path with another method is 405 method_not_allowed, with Allow naming the methods it takes", async () => {
    const cards = await send(new Request(`${BASE}/v1/cards`, { method: "PUT" }));
    expect(cards.status).toBe(405);
    expect(ErrorEnvelope.parse(cards.body).errors[0]!.code).toBe("method_not_allowed");
    expect(cards.headers.get("Allow")).toBe("GET, POST, OPTIONS");

    const card = await send(new Request(`${BASE}/v1/cards/abcdefgh1234`, { method: "POST" }));
    expect(card.status).toBe(405);
    expect(card.headers.get("Allow")).toBe("GET, PATCH, DELETE, OPTIONS");

    const health = await send(new Request(`${BASE}/healthz`, { method: "DELETE" }));
    expect(health.status).toBe(405);
    expect(health.headers.get("Allow")).toBe("GET, OPTIONS");
  });
});
