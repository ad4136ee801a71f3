/**
 * The Worker's speed on loopback, in one run: for a read (GET /v1/balances) and a write-shaped request
 * (POST /v1/deposits/estimate, a JSON body validated on both sides), the same upstream request sent
 * straight to the simulator, through the Worker, and to a bare Worker on the same dev server (the
 * floor every Worker pays under `wrangler dev`). Rounds alternate between the three so background load
 * hits them alike; each figure is the median over rounds.
 *
 * CPU per request is the workerd process's CPU time (/proc utime + stime) over an autocannon run,
 * divided by the requests it served. That counts everything in the process: the Worker, Miniflare's
 * entry Worker, HTTP parsing and D1's local SQLite simulator. The bare Worker (and the bare Worker
 * making one D1 query) measured the same way give the part that is the dev server's, not ours.
 */
import type { RunningStack } from "../test/stack";
import type { RunningWorker } from "../scripts/lib/wrangler-dev";
import { autocannon, type LoadResult } from "./lib/autocannon";
import { sampleLatency } from "./lib/latency";
import { cpuMs, wranglerProcesses } from "./lib/processes";
import { median } from "./lib/stats";
import type { BenchUser } from "./bench-user";

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

export interface RouteSpeed {
  route: string;
  direct: Side;
  worker: Side;
  bare: Side;
  /** p50 latency of the bare Worker making one D1 query (the local D1 round trip's share). */
  bareWithD1P50: number;
  /** Worker process CPU per request (ms), Worker and floors. */
  cpu: { worker: number; bare: number; bareWithD1: number };
  errors: number;
}

interface Target {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

export function routesToMeasure(stack: RunningStack, bare: RunningWorker, user: BenchUser) {
  const estimate = JSON.stringify({ currency: "rusd", network: "base", amount: 50 });
  const viaWorker = { Authorization: `Bearer ${user.token}` };
  const direct = { Authorization: `Bearer ${user.sessionToken}`, Accept: "application/json" };
  const json = { "Content-Type": "application/json" };
  return [
    {
      route: "GET /v1/balances",
      direct: { url: `${stack.partnerApiUrl}/balances`, method: "GET", headers: direct },
      worker: { url: `${stack.workerUrl}/v1/balances`, method: "GET", headers: viaWorker },
      bare: { url: `${bare.url}/`, method: "GET", headers: {} },
    },
    {
      route: "POST /v1/deposits/estimate",
      direct: { url: `${stack.partnerApiUrl}/deposits/estimate`, method: "POST", headers: { ...direct, ...json }, body: estimate },
      worker: { url: `${stack.workerUrl}/v1/deposits/estimate`, method: "POST", headers: { ...viaWorker, ...json }, body: estimate },
      bare: { url: `${bare.url}/`, method: "POST", headers: json, body: estimate },
    },
  ] satisfies { route: string; direct: Target; worker: Target; bare: Target }[];
}

async function load(t: Target, o: SpeedOptions): Promise<LoadResult> {
  return autocannon({ ...t, connections: o.connections, durationSeconds: o.loadSeconds });
}

/** Runs `run` while counting the workerd process's CPU; returns the run's result and CPU ms per request. */
async function withCpu(pid: number, run: () => Promise<LoadResult>): Promise<{ result: LoadResult; cpuPerRequest: number }> {
  const before = cpuMs(pid);
  const result = await run();
  return { result, cpuPerRequest: (cpuMs(pid) - before) / Math.max(1, result.requests) };
}

export async function measureRoute(
  t: ReturnType<typeof routesToMeasure>[number],
  stack: RunningStack,
  bare: RunningWorker,
  o: SpeedOptions,
  progress: (line: string) => void,
): Promise<RouteSpeed> {
  const workerProcess = wranglerProcesses(stack.worker.port).worker;
  const bareProcess = wranglerProcesses(bare.port).worker;
  const samples = { direct: [] as Side[], worker: [] as Side[], bare: [] as Side[] };
  const cpu = { worker: [] as number[], bare: [] as number[], bareWithD1: [] as number[] };
  const bareWithD1P50: number[] = [];
  let errors = 0;

  // Warm up every path (JIT, connections, caches) before anything counts.
  for (const target of [t.direct, t.worker, t.bare]) await sampleLatency({ ...target, count: 50 });

  for (let round = 1; round <= o.rounds; round++) {
    for (const side of ["direct", "bare", "worker"] as const) {
      const latency = await sampleLatency({ ...t[side], count: o.latencyCount });
      const pid = side === "worker" ? workerProcess : side === "bare" ? bareProcess : null;
      const measured = pid === null ? { result: await load(t[side], o), cpuPerRequest: 0 } : await withCpu(pid, () => load(t[side], o));
      if (side !== "direct") cpu[side].push(measured.cpuPerRequest);
      errors += latency.failures + measured.result.non2xx + measured.result.errors + measured.result.timeouts;
      samples[side].push({ p50: latency.p50, p99: latency.p99, rps: measured.result.rps });
    }
    const withD1Target = { ...t.bare, url: `${t.bare.url}?d1=1` };
    bareWithD1P50.push((await sampleLatency({ ...withD1Target, count: o.latencyCount })).p50);
    const withD1 = await withCpu(bareProcess, () => load(withD1Target, o));
    cpu.bareWithD1.push(withD1.cpuPerRequest);
    progress(`  ${t.route}: round ${round}/${o.rounds} done`);
  }
  const mid = (sides: Side[]): Side => ({
    p50: median(sides.map((s) => s.p50)),
    p99: median(sides.map((s) => s.p99)),
    rps: median(sides.map((s) => s.rps)),
  });
  return {
    route: t.route,
    direct: mid(samples.direct),
    worker: mid(samples.worker),
    bare: mid(samples.bare),
    bareWithD1P50: median(bareWithD1P50),
    cpu: { worker: median(cpu.worker), bare: median(cpu.bare), bareWithD1: median(cpu.bareWithD1) },
    errors,
  };
}
