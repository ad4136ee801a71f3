/**
 * The floors, run the same way as the project's Worker (under `wrangler dev`, and on workerd alone):
 *   - a Worker that does nothing but answer;
 *   - with `?d1=1`, after one D1 query (the local D1 simulator's share);
 *   - with `?relay=1`, a pure relay: it sends the request to the URL in `X-Bench-Upstream` (the same
 *     Machines request the direct call sends, with its Authorization and body) and streams the reply
 *     back unread. Any Worker that calls Machines pays at least this.
 * What these cost per request (latency, CPU) is the runtime's, the local D1's and the upstream's, not the
 * project's.
 */
interface Env {
  DB: D1Database;
}

const FORWARDED = ["Authorization", "Accept", "Content-Type"];

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const query = new URL(request.url).searchParams;
    if (query.has("relay")) {
      const headers = new Headers();
      for (const name of FORWARDED) {
        const value = request.headers.get(name);
        if (value !== null) headers.set(name, value);
      }
      // The body read whole, as the Worker reads it (a stream would go out chunked, which costs more).
      const body = request.method === "GET" ? undefined : await request.arrayBuffer();
      const upstream = await fetch(request.headers.get("X-Bench-Upstream")!, { method: request.method, headers, body });
      return new Response(upstream.body, upstream);
    }
    if (query.has("d1")) await env.DB.prepare("SELECT 1").first();
    return new Response('{"ok":true}', { headers: { "Content-Type": "application/json" } });
  },
};
