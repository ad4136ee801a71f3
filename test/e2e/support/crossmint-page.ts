/**
 * A partner page for the Crossmint adapter tests, entirely offline: the harness (crossmint-harness.ts)
 * bundled once by Vite as the widget build bundles the SDKs, served from `https://partner.test` through
 * Playwright's routing, and Crossmint's hosts answered by the test. Every request to a Crossmint host
 * is recorded; any other request leaving the page is refused and recorded as unexpected.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import type { Page, Request, Route } from "@playwright/test";
import { build } from "vite";

export const PARTNER_ORIGIN = "https://partner.test";
const CROSSMINT_HOST = /^https:\/\/([a-z0-9-]+\.)*crossmint\.com\//;

let bundle: Promise<string> | null = null;
/** Builds the harness once per test worker (a few seconds: the SDKs are large). */
function harnessBundle(): Promise<string> {
  bundle ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), "crossmint-harness-"));
    await build({
      configFile: false,
      logLevel: "error",
      build: {
        outDir,
        target: "es2022",
        minify: false,
        lib: { entry: join(import.meta.dirname, "crossmint-harness.ts"), formats: ["es"], fileName: () => "harness.js" },
      },
    });
    return outDir;
  })();
  return bundle;
}

/** What the page sent to a Crossmint host. */
export interface CrossmintRequest {
  method: string;
  url: URL;
  /** Lower-case names, as the browser sent them. */
  headers: Record<string, string>;
  /** The parsed JSON body, or null. */
  body: unknown;
}

/** How the test answers one request: a reply, or `"abort"` (Crossmint unreachable). */
export type CrossmintReply = { status?: number; body?: unknown; headers?: Record<string, string> } | "abort";

export interface CrossmintFake {
  /** Every request to a Crossmint host, in order. */
  requests: CrossmintRequest[];
  /** Requests to anything that is neither the partner page nor Crossmint. */
  unexpected: string[];
  /** The requests whose path ends with `suffix`. */
  to(suffix: string): CrossmintRequest[];
}

function parseBody(request: Request): unknown {
  const text = request.postData();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const CONTENT_TYPES: Record<string, string> = { ".js": "text/javascript", ".html": "text/html" };

/**
 * Opens the partner page with the harness loaded as `window.harness`, Crossmint answered by `answer`.
 * Replies carry CORS headers for the partner origin, as Crossmint sends them to an allowed origin.
 */
export async function openPartnerPage(page: Page, answer: (request: CrossmintRequest) => CrossmintReply | Promise<CrossmintReply>): Promise<CrossmintFake> {
  const outDir = await harnessBundle();
  const fake: CrossmintFake = {
    requests: [],
    unexpected: [],
    to: (suffix) => fake.requests.filter((r) => r.url.pathname.endsWith(suffix)),
  };
  await page.route(
    (url) => !url.href.startsWith(`${PARTNER_ORIGIN}/`) && !CROSSMINT_HOST.test(url.href),
    (route) => {
      fake.unexpected.push(route.request().url());
      return route.abort("addressunreachable");
    },
  );
  await page.route(`${PARTNER_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === "/") {
      return route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><title>Partner</title><script type="module">import * as harness from "/harness/harness.js"; window.harness = harness;</script>`,
      });
    }
    const file = join(outDir, path.replace(/^\/harness\//, ""));
    return route.fulfill({ contentType: CONTENT_TYPES[extname(file)] ?? "application/octet-stream", body: readFileSync(file) });
  });
  await page.route(CROSSMINT_HOST, async (route: Route) => {
    const request = route.request();
    const cors = { "Access-Control-Allow-Origin": PARTNER_ORIGIN, Vary: "Origin" };
    if (request.method() === "OPTIONS") {
      const asked = (await request.allHeaders())["access-control-request-headers"] ?? "";
      return route.fulfill({ status: 204, headers: { ...cors, "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE", "Access-Control-Allow-Headers": asked } });
    }
    const seen: CrossmintRequest = { method: request.method(), url: new URL(request.url()), headers: await request.allHeaders(), body: parseBody(request) };
    fake.requests.push(seen);
    const reply = await answer(seen);
    if (reply === "abort") return route.abort("internetdisconnected");
    const body = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    return route.fulfill({
      status: reply.status ?? 200,
      headers: { ...cors, "Content-Type": typeof reply.body === "string" ? "text/html" : "application/json", ...reply.headers },
      body,
    });
  });
  await page.goto(`${PARTNER_ORIGIN}/`);
  await page.waitForFunction(() => "harness" in window);
  return fake;
}

/** A Crossmint-shaped session JWT: `aud` is the project (the SDK drops a session for another project). */
export function crossmintJwt(claims: { sub: string; aud: string; email?: string; expiresInSeconds?: number }): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const payload = { iss: "https://www.crossmint.com", sub: claims.sub, aud: claims.aud, iat: now, exp: now + (claims.expiresInSeconds ?? 3600), email: claims.email };
  return `${part({ alg: "ES256", typ: "JWT", kid: "test" })}.${part(payload)}.${Buffer.from("not-checked-by-the-browser").toString("base64url")}`;
}
