import { env } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { brokenRule } from "./contract-oracle";
import { d1Snapshot, describeRequest, expectWellFormed, send, WORKER_ONLY_CODES } from "./fuzz-reply";
import { fuzzFixture, fuzzRuns } from "./fuzz-fixture";
import { requestFor, type FuzzFixture } from "./fuzz-requests";
import { loadOperations } from "./openapi-operations";

/**
 * Every operation of the Worker's own `/openapi.json`, fuzzed: bodies shaped by the route's schema with
 * one thing wrong, any JSON, not JSON, oversized; hostile path ids, queries and headers; mostly with a
 * valid token so the requests reach validation and beyond. Whatever arrives: no 5xx, JSON, every error
 * in the envelope with a code. A request that breaks the contract (judged apart from the Worker's code)
 * or that the Worker turns away at the door gets a 4xx and changes no D1 row.
 * (`npm run fuzz:long` runs many more cases: FUZZ_RUNS per operation.)
 */
const operations = await loadOperations();
const runs = fuzzRuns(100, env as { FUZZ_RUNS?: string });
const allowedOrigins = new Set((env.ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()));
let fixture: FuzzFixture;

beforeAll(async () => {
  fixture = await fuzzFixture();
}, 60_000);

describe("every documented operation, fuzzed", () => {
  it("finds the contract's routes in /openapi.json", () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.map((o) => o.operationId)).toEqual(expect.arrayContaining(["getBalances", "createCard", "createWithdrawal", "submitKycApplication"]));
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))(
    "%s: no 5xx, errors in the envelope, a refused request leaves D1 alone",
    async (_, op) => {
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(requestFor(op, fixture), async (sent) => {
          const rule = brokenRule(op, sent, fixture.token, allowedOrigins);
          const before = await d1Snapshot();
          const reply = await send(sent.request);
          const described = describeRequest(sent.request, sent.body);
          expectWellFormed(reply, described);
          if (rule !== null) expect(reply.status, `${rule}, yet HTTP ${reply.status}: ${described}`).toBeGreaterThanOrEqual(400);
          if (rule !== null || (reply.code !== null && WORKER_ONLY_CODES.has(reply.code))) {
            refused++;
            expect(await d1Snapshot(), `D1 changed by a refused request (${rule ?? reply.code}): ${described}`).toBe(before);
          }
        }),
        { numRuns: runs },
      );
      // Many generated requests to a signed-in route break a rule; if few did, the D1 property would say
      // little. A route with no body or parameters (GET /v1/me) breaks only header rules, about 30% of
      // the time: the floor sits well below that, so a random seed never fails a sound Worker.
      if (op.auth) expect(refused).toBeGreaterThan(runs / 10);
    },
    Math.max(60_000, runs * 400),
  );
});
