/**
 * The floor: a Worker that does nothing but answer (with `?d1=1`, after one D1 query), run by the same
 * `wrangler dev` as the project's Worker. What it costs per request (latency, CPU) is the dev server's
 * and the local D1 simulator's, not the project's.
 */
interface Env {
  DB: D1Database;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (new URL(request.url).searchParams.has("d1")) await env.DB.prepare("SELECT 1").first();
    return new Response('{"ok":true}', { headers: { "Content-Type": "application/json" } });
  },
};
