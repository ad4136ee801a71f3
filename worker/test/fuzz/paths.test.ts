import { env } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { d1Snapshot, describeRequest, expectWellFormed, send } from "./fuzz-reply";
import { fuzzFixture, fuzzRuns } from "./fuzz-fixture";
import { BASE, type FuzzFixture } from "./fuzz-requests";
import { headerValue, hostileString } from "./hostile-strings";
import { loadOperations } from "./openapi-operations";

/**
 * Paths and methods nobody documented: known paths bent (extra or missing segments, doubled slashes,
 * dot segments, encoded separators, hostile ids), unknown paths, any method, CORS preflights from any
 * origin. Whatever arrives: no 5xx, JSON errors in the envelope, and nothing written to D1 by a request
 * that matched no route (404 or 405).
 */
const operations = await loadOperations();
const runs = fuzzRuns(100, env as { FUZZ_RUNS?: string }) * 4;
let fixture: FuzzFixture;

beforeAll(async () => {
  fixture = await fuzzFixture();
}, 60_000);

const documented = operations.map((o) => o.path.replace(/\{\w+\}/g, "x"));
/** The reveal frame's page and its own script and style: served as HTML, JavaScript and CSS, not JSON. */
const FRAME_FILES: Record<string, RegExp> = { "/reveal": /^text\/html/, "/reveal/frame.js": /^text\/javascript/, "/reveal/frame.css": /^text\/css/ };

const segment = fc.oneof(
  fc.constantFrom("v1", "cards", "withdrawals", "deposits", "kyc", "reveal", "prepare", "..", ".", "%2e%2e", "%2F", "%00", "", "openapi.json", "healthz"),
  hostileString.map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return "x";
    }
  }),
);

const path = fc.oneof(
  fc.array(segment, { minLength: 0, maxLength: 6 }).map((parts) => `/${parts.join("/")}`),
  fc.tuple(fc.constantFrom(...documented), fc.constantFrom("/", "//", "/x", "/..", "/%2e%2e/cards", "?x=%", "/reveal/reveal")).map(([p, suffix]) => p + suffix),
  fc.constantFrom(...documented).map((p) => p.replace(/\//g, "//")),
  fc.constantFrom(...documented).map((p) => p.toUpperCase()),
);

const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND", "get", "Post");

describe("undocumented paths and methods", () => {
  it("never get a 5xx or a non-JSON error, and change nothing in D1", async () => {
    await fc.assert(
      fc.asyncProperty(path, method, fc.option(headerValue, { freq: 3 }), fc.boolean(), async (p, m, origin, signedIn) => {
        const headers = new Headers();
        if (signedIn) headers.set("Authorization", `Bearer ${fixture.token}`);
        if (origin !== null) headers.set("Origin", origin);
        if (m === "OPTIONS") headers.set("Access-Control-Request-Method", "POST");
        const body = ["GET", "HEAD", "get"].includes(m) ? undefined : "{}";
        if (body !== undefined) headers.set("Content-Type", "application/json");
        let request: Request;
        try {
          request = new Request(new URL(p, BASE), { method: m, headers, body });
        } catch {
          return; // not a request a client can make
        }
        const before = await d1Snapshot();
        const reply = await send(request);
        const described = describeRequest(request, body);
        const frameFile = request.method === "GET" && reply.status === 200 ? FRAME_FILES[new URL(request.url).pathname] : undefined;
        if (request.method === "HEAD") expect(reply.status, described).toBeLessThan(500);
        else if (frameFile) expect(reply.headers.get("Content-Type"), described).toMatch(frameFile);
        else expectWellFormed(reply, described);
        if (reply.status === 404 || reply.status === 405) expect(await d1Snapshot(), `D1 changed: ${described}`).toBe(before);
      }),
      { numRuns: runs },
    );
  }, Math.max(60_000, runs * 200));
});
