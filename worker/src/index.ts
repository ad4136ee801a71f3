import { Hono } from "hono";

type Env = { Bindings: { DB: D1Database; PROBE_URL?: string } };
const app = new Hono<Env>();
app.get("/healthz", async (c) => {
  const row = await c.env.DB.prepare("SELECT count(*) AS n FROM users").first<{ n: number }>();
  return c.json({ ok: true, users: row?.n });
});
app.get("/probe", async (c) => {
  const r = await fetch(c.env.PROBE_URL!);
  return c.text(await r.text());
});
export default app;
