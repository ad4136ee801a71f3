import { Hono } from "hono";
import type { AppEnv } from "../env";
import { VERSION } from "../version";
import { buildOpenApi } from "./build-openapi";
import { DOCS_STYLE, renderDocs } from "./docs-page";

let document: string | undefined;
let docs: { page: string; policy: string } | undefined;

/** `GET /openapi.json`: public, cacheable, readable from any origin (API explorers run in browsers). */
export const openApiRoutes = new Hono<AppEnv>().get("/openapi.json", (c) => {
  document ??= JSON.stringify(buildOpenApi(VERSION));
  c.header("Access-Control-Allow-Origin", "*");
  c.header("Cache-Control", "public, max-age=300");
  c.header("Content-Type", "application/json; charset=utf-8");
  return c.body(document);
});

/**
 * `GET /docs`: the API reference page, built once per isolate from the same document. Its own CSP allows
 * nothing but its one style (by hash): no script, no other source.
 */
openApiRoutes.get("/docs", async (c) => {
  if (!docs) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(DOCS_STYLE));
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    docs = {
      page: renderDocs(buildOpenApi(VERSION)),
      policy: `default-src 'none'; style-src 'sha256-${hash}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    };
  }
  c.header("Content-Security-Policy", docs.policy);
  c.header("Cache-Control", "public, max-age=300");
  return c.html(docs.page);
});
