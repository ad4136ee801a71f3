import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { okReply } from "../../http/reply";
import { VERSION } from "../../version";

/** `GET /healthz`: the Worker runs and D1 answers. Needs no settings, so it answers even when they are broken. */
export const healthRoutes = new Hono<AppEnv>().get("/healthz", async (c) => {
  await c.env.DB.prepare("SELECT 1").first();
  const environment = c.env.ENVIRONMENT === "sandbox" || c.env.ENVIRONMENT === "production" ? c.env.ENVIRONMENT : null;
  return okReply(c, { ok: true, environment, version: VERSION }, "healthy");
});
