import { Hono, type Context } from "hono";
import { cors } from "hono/cors";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { BundlerNode } from "../chain/bundler";

/**
 * The bundling control (mounted at `/sandbox/bundler`, JSON, open CORS, no authentication: sandbox only).
 * The sandbox's bundler normally bundles every operation within a quarter of a second. Holding it in
 * `manual` mode lets several users' operations gather; `flush` then puts them all into one `handleOps`
 * transaction: one transaction hash that executes several users' withdrawals, as on Base.
 *
 *   GET  /        { mode, url, entryPoint, executor }
 *   PUT  /        { mode: "auto" | "manual" }
 *   POST /flush   bundles every held operation now → { bundles: how many transactions it took }
 */
export function bundlerControls(bundler: BundlerNode | null, entryPoint: string): Hono {
  const app = new Hono();
  app.use("*", cors({ origin: "*", allowMethods: ["GET", "PUT", "POST", "OPTIONS"], allowHeaders: ["Content-Type"] }));
  const state = (b: BundlerNode) => ({ mode: b.mode(), url: b.url, entryPoint, executor: b.executorAddress });
  const reply = (c: Context, data: unknown, summary: string, status: ContentfulStatusCode = 200) => c.json({ ok: true, data, summary, errors: [] }, status);
  const refuse = (c: Context, status: ContentfulStatusCode, code: string, message: string, field?: string) =>
    c.json({ ok: false, data: null, summary: message, errors: [{ code, message, ...(field && { field }) }] }, status);

  app.use("*", async (c, next) => {
    if (!bundler) return refuse(c, 404, "not_found", "this sandbox runs without a bundler");
    await next();
  });
  app.get("/", (c) => reply(c, state(bundler!), "sandbox bundler"));
  app.put("/", async (c) => {
    const body = (await c.req.json().catch(() => null)) as { mode?: unknown } | null;
    if (body?.mode !== "auto" && body?.mode !== "manual") return refuse(c, 400, "invalid_request", "mode must be auto or manual", "mode");
    await bundler!.setMode(body.mode);
    return reply(c, state(bundler!), body.mode === "manual" ? "operations are held until flushed" : "operations are bundled as they come");
  });
  app.post("/flush", async (c) => {
    const bundles = await bundler!.flush();
    return reply(c, { ...state(bundler!), bundles }, bundles ? "held operations bundled" : "nothing was held");
  });
  app.notFound((c) => refuse(c, 404, "not_found", `no bundler control at ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((error, c) => refuse(c, 502, "bundler_unavailable", `the bundler did not do it: ${error.message}`));
  return app;
}
