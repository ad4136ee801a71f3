/**
 * What one request costs in round trips: D1 queries and upstream calls, counted twice and independently.
 * Inside the Worker, by the bench-only counting entry (`worker/counting-worker.ts`: D1 statements
 * prepared, outbound fetches by path), run on workerd like the timed Worker (`lib/workerd-worker.ts`).
 * At the sandbox, by zero-delay fault rules (`latency`, 0 ms) that only count the partner API requests
 * they match: `POST /sessions` (a session mint), `POST /users/resolve` and everything else. The two must
 * agree on Machines calls. A cached read is counted cold (the first request of an isolate, whose
 * per-isolate caches are empty: the partner session comes from D1) and warm (the requests after it).
 */
import { type RunningStack, workerVarsFor } from "../test/stack";
import { runJourney } from "../test/load/api-journey";
import { createSandboxClient } from "../test/support/sandbox/sandbox-client";
import { benchUser } from "./bench-user";
import { startDirectWorker } from "./lib/workerd-worker";
import type { BenchCounts } from "./worker/bench-counts";

interface CountingWorker {
  url: string;
  stop(): Promise<void>;
}

export interface RequestCounts {
  route: string;
  requests: number;
  /** D1 queries of the first request in a fresh isolate (the user and sessions read from D1). */
  d1Cold: number;
  /** Session mints of that first request. */
  sessionMintsCold: number;
  /** D1 queries per request after it. */
  d1PerRequest: number;
  /** Outbound calls per request, by `METHOD path` (hosts dropped: all are the sandbox). */
  upstreamPerRequest: Record<string, number>;
  sessionMintsPerRequest: number;
  /** Partner API requests per request as the sandbox saw them. */
  sandboxSeenPerRequest: number;
}

export interface JourneyCounts {
  workerCalls: number;
  d1Queries: number;
  upstreamCalls: number;
  sessionMints: number;
}

export async function startCountingWorker(stack: RunningStack): Promise<CountingWorker> {
  return startDirectWorker({ script: "bench/worker/counting-worker.ts", vars: workerVarsFor(stack.sandbox, []) });
}

async function countsOf(worker: CountingWorker): Promise<BenchCounts> {
  return (await fetch(`${worker.url}/__bench/counts`)).json() as Promise<BenchCounts>;
}

const pathOnly = (key: string) => key.replace(/^(\S+) [^/]+/, "$1 ");
const settle = () => new Promise((resolve) => setTimeout(resolve, 500)); // waitUntil work finishes

function difference(after: BenchCounts, before: BenchCounts) {
  const fetches: Record<string, number> = {};
  for (const [key, n] of Object.entries(after.fetches)) {
    const d = n - (before.fetches[key] ?? 0);
    if (d > 0) fetches[pathOnly(key)] = (fetches[pathOnly(key)] ?? 0) + d;
  }
  return { d1: after.d1Statements - before.d1Statements, fetches };
}

const isMint = (key: string) => /^POST \S*\/partner\/v1\/sessions$/.test(key);

/** Counts N requests of each measured route, on a user whose partner session is already cached. */
export async function countRequests(stack: RunningStack, counting: CountingWorker, n: number): Promise<RequestCounts[]> {
  const user = await benchUser(stack, counting.url);
  const sandbox = createSandboxClient({ sandboxUrl: stack.sandboxUrl });
  const targets = [
    { route: "GET /v1/balances", init: { method: "GET" } as RequestInit, path: "/v1/balances" },
    {
      route: "POST /v1/deposits/estimate",
      init: { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ currency: "rusd", network: "base", amount: 50 }) },
      path: "/v1/deposits/estimate",
    },
  ];
  const results: RequestCounts[] = [];
  for (const t of targets) {
    const call = async () => {
      const res = await fetch(counting.url + t.path, { ...t.init, headers: { ...(t.init.headers as object), Authorization: `Bearer ${user.token}` } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${t.route} through the counting Worker: HTTP ${res.status}`);
    };
    await call(); // the route's first call warms whatever it needs
    await settle();
    // Cold: the first request of a fresh isolate (user and sealed session read from D1).
    await fetch(`${counting.url}/__bench/fresh-isolate`, { method: "POST" });
    const beforeCold = await countsOf(counting);
    await call();
    await settle();
    const cold = difference(await countsOf(counting), beforeCold);
    // Warm: the n requests after it.
    const rules = [
      await sandbox.addFault({ method: "POST", path: "/sessions", kind: "latency", latencyMs: 0 }),
      await sandbox.addFault({ method: "POST", path: "/users/resolve", kind: "latency", latencyMs: 0 }),
      await sandbox.addFault({ method: "*", path: "*", kind: "latency", latencyMs: 0 }),
    ];
    const before = await countsOf(counting);
    for (let i = 0; i < n; i++) await call();
    await settle();
    const d = difference(await countsOf(counting), before);
    const hits = new Map((await sandbox.faults()).map((f) => [f.id, f.hits]));
    for (const rule of rules) await fetch(`${stack.controlsUrl}/faults/${rule.id}`, { method: "DELETE" });
    const seen = rules.reduce((sum, rule) => sum + (hits.get(rule.id) ?? 0), 0);
    results.push({
      route: t.route,
      requests: n,
      d1Cold: cold.d1,
      sessionMintsCold: Object.entries(cold.fetches).filter(([k]) => isMint(k)).reduce((sum, [, v]) => sum + v, 0),
      d1PerRequest: d.d1 / n,
      upstreamPerRequest: Object.fromEntries(Object.entries(d.fetches).map(([k, v]) => [k, v / n])),
      sessionMintsPerRequest: Object.entries(d.fetches).filter(([k]) => isMint(k)).reduce((sum, [, v]) => sum + v, 0) / n,
      sandboxSeenPerRequest: seen / n,
    });
  }
  return results;
}

/** One whole journey through the counting Worker: its Worker calls, D1 queries, upstream calls and session mints. */
export async function countJourney(stack: RunningStack, counting: CountingWorker): Promise<JourneyCounts> {
  const before = await countsOf(counting);
  const result = await runJourney({ workerUrl: counting.url, sandboxUrl: stack.sandboxUrl });
  await settle();
  const d = difference(await countsOf(counting), before);
  return {
    workerCalls: result.workerCalls,
    d1Queries: d.d1,
    upstreamCalls: Object.values(d.fetches).reduce((a, b) => a + b, 0),
    sessionMints: Object.entries(d.fetches).filter(([k]) => isMint(k)).reduce((sum, [, v]) => sum + v, 0),
  };
}
