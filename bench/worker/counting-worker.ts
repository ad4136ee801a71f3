/**
 * The project's Worker, unchanged, behind a bench-only entry that counts what it does: every D1 statement
 * prepared (each one is a query) and every outbound fetch (Machines, the identity issuer's JWKS, the
 * wallets API, the chain), by method and path. `GET /__bench/counts` returns the totals since start.
 * `POST /__bench/fresh-isolate` hands the Worker a new bindings object from then on: its per-isolate
 * state (parsed settings, cached users and sessions, opened tokens) is keyed by that object, so the next
 * request finds it cold, as the first request of a new isolate would (the D1 database is the same).
 * Only `npm run bench` runs this entry; the timed figures come from the plain Worker, so the counting
 * costs nothing there.
 */
import worker from "../../worker/src/index";
import type { Bindings } from "../../worker/src/env";
import type { BenchCounts } from "./bench-counts";

const counts: BenchCounts = { d1Statements: 0, d1Batches: 0, fetches: {} };

const realFetch = globalThis.fetch;
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const request = input instanceof Request ? input : null;
  const url = new URL(request ? request.url : String(input));
  const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
  const key = `${method} ${url.host}${url.pathname}`;
  counts.fetches[key] = (counts.fetches[key] ?? 0) + 1;
  return realFetch(input, init);
};

function countingDb(db: D1Database): D1Database {
  return new Proxy(db, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          counts.d1Statements++;
          return target.prepare(sql);
        };
      }
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => {
          counts.d1Batches++;
          return target.batch(statements);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

// One wrapped bindings object per real one, so the Worker's per-isolate caches keep working, until
// `/__bench/fresh-isolate` asks for a new one.
let wrapped = new WeakMap<Bindings, Bindings>();
function counted(env: Bindings): Bindings {
  let env2 = wrapped.get(env);
  if (!env2) {
    env2 = { ...env, DB: countingDb(env.DB) };
    wrapped.set(env, env2);
  }
  return env2;
}

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext): Response | Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === "/__bench/counts") return Response.json(counts);
    if (path === "/__bench/fresh-isolate" && request.method === "POST") {
      wrapped = new WeakMap();
      return Response.json({ ok: true });
    }
    return worker.fetch(request, counted(env), ctx);
  },
  scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    return worker.scheduled(controller, counted(env), ctx);
  },
} satisfies ExportedHandler<Bindings>;
