/**
 * The Worker's speed on loopback, in one run: for a read (GET /v1/balances) and a write-shaped request
 * (POST /v1/deposits/estimate, a JSON body validated on both sides), the same upstream request sent
 * straight to the simulator, and through the Worker on two runtime paths:
 *   - workerd: the deployable bundle on workerd with nothing in front (`lib/workerd-worker.ts`), the
 *     production-like path the budgets are judged on;
 *   - wrangler dev: the same Worker behind wrangler's dev-only proxy Worker and Miniflare's entry
 *     Worker (two workerd processes), kept for reference.
 * On each path a bare Worker (answers and nothing else; with `?d1=1`, after one D1 query) gives the
 * runtime's own floor; on workerd, the bare Worker as a pure relay of the direct call (`?relay=1`) gives
 * the floor of any Worker that calls Machines, and the same relay on workerd without Miniflare
 * (`lib/raw-workerd.ts`) what Miniflare's outbound interceptor adds to it. Rounds alternate between every side so background load hits them alike; each
 * figure is the median over rounds.
 *
 * CPU per request is the CPU time (/proc utime + stime) of the workerd process that runs the Worker over
 * an autocannon run, divided by the requests it served: everything in that process (the Worker, HTTP
 * parsing, D1's local simulator; under wrangler dev also Miniflare's entry Worker). The bare Worker,
 * with and without its D1 query, measured the same way, gives the runtime's and the D1 simulator's part.
 */
import { autocannon, type LoadResult } from "./lib/autocannon";
import { sampleLatency } from "./lib/latency";
import { cpuMs } from "./lib/processes";
import { median } from "./lib/stats";

export interface SpeedOptions {
  rounds: number;
  latencyCount: number;
  loadSeconds: number;
  connections: number;
}

export interface Side {
  p50: number;
  p99: number;
  rps: number;
}

/** One runtime path: the Worker and the bare Worker, each with the pid of the workerd that runs it. */
export interface RuntimePath {
  workerUrl: string;
  workerPid: number;
  /** The signed-in bench user's identity token, valid on this path's Worker. */
  token: string;
  bareUrl: string;
  barePid: number;
}

export interface PathSpeed {
  worker: Side;
  bare: Side;
  /** The bare Worker relaying the direct call (workerd path only). */
  relay?: Side & { cpu: number };
  /** The same relay on workerd started without Miniflare (workerd path only). */
  rawRelay?: Side & { cpu: number };
  /** p50 latency of the bare Worker making one D1 query (the local D1 round trip's share). */
  bareWithD1P50: number;
  /** Worker process CPU per request (ms): the Worker, and the floors. */
  cpu: { worker: number; bare: number; bareWithD1: number };
}

export interface RouteSpeed {
  route: string;
  direct: Side;
  /** The production-like path: workerd with nothing in front. */
  workerd: PathSpeed;
  /** Under `wrangler dev` (reference). */
  dev: PathSpeed;
  errors: number;
}

interface Target {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** The workerd process serving it (for CPU), when it is a Worker. */
  pid?: number;
}

const PATHS = ["workerd", "dev"] as const;
type Path = (typeof PATHS)[number];
type Paths = Record<Path, RuntimePath>;

export function routesToMeasure(direct: { partnerApiUrl: string; sessionToken: string }, paths: Paths, rawRelay: { url: string; pid: number }) {
  const estimate = JSON.stringify({ currency: "rusd", network: "base", amount: 50 });
  const toMachines = { Authorization: `Bearer ${direct.sessionToken}`, Accept: "application/json" };
  const json = { "Content-Type": "application/json" };
  const route = (name: string, path: string, directTarget: Target, headers: Record<string, string>) => {
    const { method, body } = directTarget;
    const sides = PATHS.flatMap((p) => [
      [`${p}.worker`, { url: `${paths[p].workerUrl}${path}`, method, headers: { ...headers, Authorization: `Bearer ${paths[p].token}` }, body, pid: paths[p].workerPid }],
      [`${p}.bare`, { url: `${paths[p].bareUrl}/`, method, headers, body, pid: paths[p].barePid }],
      [`${p}.bareWithD1`, { url: `${paths[p].bareUrl}/?d1=1`, method, headers, body, pid: paths[p].barePid }],
      [`${p}.relay`, { url: `${paths[p].bareUrl}/?relay=1`, method, headers: { ...directTarget.headers, "X-Bench-Upstream": directTarget.url }, body, pid: paths[p].barePid }],
    ]);
    const raw: Target = { url: `${rawRelay.url}/?relay=1`, method, headers: { ...directTarget.headers, "X-Bench-Upstream": directTarget.url }, body, pid: rawRelay.pid };
    return {
      route: name,
      direct: directTarget,
      "workerd.rawRelay": raw,
      ...(Object.fromEntries(sides) as Record<`${Path}.${"worker" | "bare" | "bareWithD1" | "relay"}`, Target>),
    };
  };
  return [
    route("GET /v1/balances", "/v1/balances", { url: `${direct.partnerApiUrl}/balances`, method: "GET", headers: toMachines }, {}),
    route(
      "POST /v1/deposits/estimate",
      "/v1/deposits/estimate",
      { url: `${direct.partnerApiUrl}/deposits/estimate`, method: "POST", headers: { ...toMachines, ...json }, body: estimate },
      json,
    ),
  ];
}

type RouteTargets = ReturnType<typeof routesToMeasure>[number];
type SideName = Exclude<keyof RouteTargets, "route">;

/** Every side, in the order each round measures them. */
const SIDES: SideName[] = [
  "direct",
  "workerd.bare",
  "workerd.relay",
  "workerd.worker",
  "workerd.bareWithD1",
  "workerd.rawRelay",
  "dev.bare",
  "dev.worker",
  "dev.bareWithD1",
];

interface Sample extends Side {
  cpu: number;
}

async function measureSide(t: Target, o: SpeedOptions): Promise<{ sample: Sample; errors: number }> {
  const latency = await sampleLatency({ ...t, count: o.latencyCount });
  const before = t.pid === undefined ? 0 : cpuMs(t.pid);
  const load: LoadResult = await autocannon({ ...t, connections: o.connections, durationSeconds: o.loadSeconds });
  const cpu = t.pid === undefined ? 0 : (cpuMs(t.pid) - before) / Math.max(1, load.requests);
  return {
    sample: { p50: latency.p50, p99: latency.p99, rps: load.rps, cpu },
    errors: latency.failures + load.non2xx + load.errors + load.timeouts,
  };
}

export async function measureRoute(t: RouteTargets, o: SpeedOptions, progress: (line: string) => void): Promise<RouteSpeed> {
  const samples = Object.fromEntries(SIDES.map((s) => [s, [] as Sample[]])) as Record<SideName, Sample[]>;
  let errors = 0;

  // Warm up every path (JIT, connections, caches) before anything counts.
  for (const side of SIDES) await sampleLatency({ ...t[side], count: 50 });

  for (let round = 1; round <= o.rounds; round++) {
    for (const side of SIDES) {
      const measured = await measureSide(t[side], o);
      samples[side].push(measured.sample);
      errors += measured.errors;
    }
    progress(`  ${t.route}: round ${round}/${o.rounds} done`);
  }
  const mid = (side: SideName): Side => ({
    p50: median(samples[side].map((s) => s.p50)),
    p99: median(samples[side].map((s) => s.p99)),
    rps: median(samples[side].map((s) => s.rps)),
  });
  const cpu = (side: SideName) => median(samples[side].map((s) => s.cpu));
  const path = (p: Path): PathSpeed => ({
    worker: mid(`${p}.worker`),
    bare: mid(`${p}.bare`),
    ...(p === "workerd"
      ? { relay: { ...mid("workerd.relay"), cpu: cpu("workerd.relay") }, rawRelay: { ...mid("workerd.rawRelay"), cpu: cpu("workerd.rawRelay") } }
      : {}),
    bareWithD1P50: mid(`${p}.bareWithD1`).p50,
    cpu: { worker: cpu(`${p}.worker`), bare: cpu(`${p}.bare`), bareWithD1: cpu(`${p}.bareWithD1`) },
  });
  return { route: t.route, direct: mid("direct"), workerd: path("workerd"), dev: path("dev"), errors };
}
