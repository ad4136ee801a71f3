import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import type { RouteContract } from "@machines-card/contract/api/define-route";
import { routes, type OperationId } from "@machines-card/contract/api/routes";
import { ErrorEnvelope } from "@machines-card/contract/envelope";
import { call } from "../../test/helpers/api";

/**
 * Arbitrary input on every route: whatever arrives, the reply is a JSON envelope and never a 5xx.
 * (A short run; the fuzzing scripts run longer.)
 */
const all = Object.entries(routes) as [OperationId, RouteContract][];
const token = () => inject("sandbox").tokens.valid;
const params = (r: RouteContract, value: string) => Object.fromEntries([...r.path.matchAll(/:(\w+)/g)].map(([, name]) => [name!, value]));
const text = fc.string({ unit: "grapheme", maxLength: 40 });

function expectEnvelope(reply: { status: number; body: unknown; text: string }) {
  expect(reply.status, reply.text.slice(0, 300)).toBeLessThan(500);
  if (reply.status >= 400) expect(ErrorEnvelope.safeParse(reply.body).success, reply.text.slice(0, 300)).toBe(true);
  else expect((reply.body as { ok?: unknown })?.ok).toBe(true);
}

describe("arbitrary input never gets a 5xx", () => {
  it.each(all.filter(([, r]) => r.body))("%s: arbitrary JSON bodies", async (id, route) => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        expectEnvelope(await call(id, { params: params(route, "abcdefgh1234"), body, token: token(), idempotencyKey: "fuzz-key-0001" }));
      }),
      { numRuns: 25 },
    );
  });

  it.each(all.filter(([, r]) => r.params))("%s: arbitrary path ids", async (id, route) => {
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        expectEnvelope(await call(id, { params: params(route, value || "x"), body: route.body ? {} : undefined, token: token(), idempotencyKey: "fuzz-key-0002" }));
      }),
      { numRuns: 25 },
    );
  });

  it.each(all.filter(([, r]) => r.query))("%s: arbitrary query strings", async (id) => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("q", "limit", "cursor", "type", "cardId", "scope", "x"), text, { maxKeys: 3 }), async (query) => {
        expectEnvelope(await call(id, { query, token: token() }));
      }),
      { numRuns: 25 },
    );
  });

  it("arbitrary Authorization headers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }).filter((s) => /^[\x20-\x7e]*$/.test(s)), async (header) => {
        expectEnvelope(await call("getMe", { headers: { Authorization: header } }));
      }),
      { numRuns: 50 },
    );
  });
});
