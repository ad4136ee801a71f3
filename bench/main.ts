/**
 * `npm run bench`: measures the product and prints one table.
 *   widget  — gzip -9 and raw sizes (entry, each step chunk, a sandbox journey), time to first render;
 *   Worker  — for a read and a write, latency and throughput through the Worker vs straight to the
 *             simulator (ratios), on workerd with nothing in front (the budgets) and under
 *             `wrangler dev` (reference); workerd CPU per request; D1 queries / upstream calls /
 *             session mints;
 *   journey — wall time and Worker calls of the full sandbox journey at the API level.
 * Everything runs on loopback on free ports (`test/stack.ts`). `--record` also writes the figures into
 * BENCHMARKS.md (between its bench markers) with the date and the machine. `--quick`: fewer rounds, for
 * a smoke run; `--worker-only`: the Worker section alone (not recordable). Exits 1 when a request
 * failed; budgets are reported, not enforced (the machine is shared).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { freePort } from "../scripts/lib/free-port";
import { startWorker } from "../scripts/lib/wrangler-dev";
import { startStack, workerVarsFor } from "../test/stack";
import { benchUser } from "./bench-user";
import { wranglerProcesses } from "./lib/processes";
import { startRawWorkerd } from "./lib/raw-workerd";
import { startDirectWorker } from "./lib/workerd-worker";
import { measureFirstRender, serveWidgetPage, type RenderFigures } from "./first-render";
import { timeJourney, type JourneyTiming } from "./journey-timing";
import { loadNow, machine } from "./machine";
import { kb, markdownTable, ms, int, textTable, times, type Row } from "./report";
import { widgetSizes, type WidgetSizes } from "./widget-size";
import { countJourney, countRequests, startCountingWorker, type JourneyCounts, type RequestCounts } from "./worker-counts";
import { measureRoute, routesToMeasure, type RouteSpeed } from "./worker-speed";
import { measureWithdrawalChecks, type WithdrawalCheckFigures } from "./withdrawal-checks";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const workerOnly = args.has("--worker-only");
if (workerOnly && args.has("--record")) throw new Error("--record needs the whole table: drop --worker-only");
const o = {
  speed: { rounds: quick ? 1 : 3, latencyCount: quick ? 100 : 300, loadSeconds: quick ? 2 : 4, connections: 8 },
  renderRuns: quick ? 3 : 7,
  journeyRuns: quick ? 1 : 3,
  countRequests: quick ? 10 : 50,
};
const log = (line: string) => console.error(line);

const BUDGET = { latencyRatio: 2, throughputRatio: 0.5, cpuMs: 2, d1PerRead: 1 };

async function main() {
  const where = machine();
  const loads = [loadNow()];
  log(`bench: ${where.cpu}, ${where.cores} cores, Node ${where.node}, load ${loads[0]!.toFixed(2)}`);

  const sizes = workerOnly ? null : (log("widget: building into a temporary folder…"), await widgetSizes());
  const pagePort = await freePort();
  log("stack: sandbox + Worker under wrangler dev, a bare Worker on the same dev server, and both on workerd alone…");
  const stack = await startStack({ allowedOrigins: [`http://127.0.0.1:${pagePort}`] });
  const stops: (() => Promise<void>)[] = [() => stack.stop()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  let render: RenderFigures | null = null;
  const speeds: RouteSpeed[] = [];
  let counts!: RequestCounts[];
  let journey: JourneyTiming | null = null;
  let journeyCounts: JourneyCounts | null = null;
  let checks: WithdrawalCheckFigures | null = null;
  try {
    const devBare = await startWorker({ script: "bench/worker/bare-worker.ts" });
    stops.push(() => devBare.stop());
    const workerd = await startDirectWorker({ vars: workerVarsFor(stack.sandbox, []) });
    stops.push(() => workerd.stop());
    const workerdBare = await startDirectWorker({ script: "bench/worker/bare-worker.ts" });
    stops.push(() => workerdBare.stop());
    const rawBare = await startRawWorkerd("bench/worker/bare-worker.ts");
    stops.push(() => rawBare.stop());

    if (sizes) {
      log(`widget: first render, ${o.renderRuns} runs…`);
      const page = await serveWidgetPage(sizes.dist, stack.workerUrl, pagePort);
      try {
        render = await measureFirstRender(page.url, o.renderRuns);
      } finally {
        await page.close();
      }
    }

    log("worker: latency, throughput and CPU…");
    const devUser = await benchUser(stack);
    const workerdUser = await benchUser(stack, workerd.url);
    const paths = {
      workerd: { workerUrl: workerd.url, workerPid: workerd.pid, token: workerdUser.token, bareUrl: workerdBare.url, barePid: workerdBare.pid },
      dev: {
        workerUrl: stack.workerUrl,
        workerPid: wranglerProcesses(stack.worker.port).worker,
        token: devUser.token,
        bareUrl: devBare.url,
        barePid: wranglerProcesses(devBare.port).worker,
      },
    };
    const direct = { partnerApiUrl: stack.partnerApiUrl, sessionToken: devUser.sessionToken };
    for (const t of routesToMeasure(direct, paths, rawBare)) speeds.push(await measureRoute(t, o.speed, log));
    loads.push(loadNow());

    log("worker: D1 queries and upstream calls per request, and per journey…");
    const counting = await startCountingWorker(stack);
    try {
      counts = await countRequests(stack, counting, o.countRequests);
      if (!workerOnly) journeyCounts = await countJourney(stack, counting);
    } finally {
      await counting.stop();
    }

    log("withdrawals: RPC calls and CPU of the binding checks…");
    checks = await measureWithdrawalChecks(stack);

    if (!workerOnly) {
      log(`journey: ${o.journeyRuns} runs…`);
      journey = await timeJourney(stack, o.journeyRuns);
    }
    loads.push(loadNow());
  } finally {
    await stopAll();
    sizes?.remove();
  }

  const rows = [
    ...(sizes && render ? widgetRows(sizes, render) : []),
    ...speeds.flatMap((s) => workerRows(s, counts.find((c) => c.route === s.route)!)),
    ...(journey && journeyCounts ? journeyRows(journey, journeyCounts) : []),
    ...(checks ? withdrawalCheckRows(checks) : []),
  ];
  const header = `${where.date} · ${where.cpu}, ${where.cores} cores, ${where.memoryGb} GB · Node ${where.node} · load average ${loads.map((l) => l.toFixed(1)).join(" → ")}`;
  console.log(`\n${header}\n\n${textTable(rows)}\n`);
  if (args.has("--record")) {
    record(`_${header}_\n\n${markdownTable(rows)}`);
    log("recorded in BENCHMARKS.md");
  }
  const errors = speeds.reduce((sum, s) => sum + s.errors, 0);
  if (errors) {
    log(`${errors} requests failed during the measurements: the figures are not valid`);
    process.exitCode = 1;
  }
}

function withdrawalCheckRows(c: WithdrawalCheckFigures): Row[] {
  const section = "withdrawals: binding a ready call to the request (create and prepare; submit adds nothing)";
  return [
    { section, what: "  extra RPC calls per bind, first in an isolate (the token's decimals) / cached", value: `${c.rpcPerBindCold} / ${c.rpcPerBindWarm}` },
    { section, what: "  extra RPC calls per withdrawal once cached (the dry run stays one call, now eth_simulateV1)", value: String(c.rpcPerWithdrawalWarm), budget: "≤ 3" },
    { section, what: "  CPU of the checks per withdrawal (two binds and the dry run's effects, Node)", value: ms(c.cpuMsPerWithdrawal, 3), budget: "< 2 ms" },
  ];
}

function widgetRows(sizes: WidgetSizes, render: RenderFigures): Row[] {
  const section = "widget (gzip -9 / raw)";
  return [
    ...sizes.lines.map((l) => ({ section, what: l.what, value: `${kb(l.gzip)} / ${kb(l.raw)}`, budget: `≤ ${kb(l.budget)}`, ok: l.ok })),
    { section, what: `first render after script load (median of ${render.runs}, headless Chromium)`, value: ms(render.firstRenderMs, 0) },
    { section, what: `sign-in step shown (config from the Worker, step chunk loaded)`, value: ms(render.signInShownMs, 0) },
  ];
}

function workerRows(s: RouteSpeed, c: RequestCounts): Row[] {
  const section = `Worker: ${s.route} (cached partner session, loopback; direct = same request to the simulator)`;
  const w = s.workerd;
  const relay = w.relay!;
  const raw = w.rawRelay!;
  const latencyRatio = w.worker.p50 / s.direct.p50;
  const throughputRatio = w.worker.rps / s.direct.rps;
  // The runtime's own share, measured beside it: a bare Worker on the same workerd, its D1 query, and a pure relay.
  const d1Cpu = Math.max(0, w.cpu.bareWithD1 - w.cpu.bare);
  const ownCpu = w.cpu.worker - w.cpu.bare - c.d1PerRequest * d1Cpu;
  const beyondRelayCpu = w.cpu.worker - relay.cpu - c.d1PerRequest * d1Cpu;
  const upstream = Object.entries(c.upstreamPerRequest).map(([k, v]) => `${v} × ${k}`).join(", ") || "none";
  const d = s.dev;
  return [
    { section, what: "workerd, nothing in front (the deployable bundle; budgets judged here):", value: "" },
    { section, what: "  p50 latency: direct / Worker / bare relay / bare Worker / bare + 1 D1 query", value: `${ms(s.direct.p50)} / ${ms(w.worker.p50)} / ${ms(relay.p50)} / ${ms(w.bare.p50)} / ${ms(w.bareWithD1P50)}` },
    { section, what: "  p99 latency: direct / Worker / bare relay / bare Worker", value: `${ms(s.direct.p99)} / ${ms(w.worker.p99)} / ${ms(relay.p99)} / ${ms(w.bare.p99)}` },
    { section, what: "  p50 latency ratio Worker / direct", value: times(latencyRatio), budget: `≤ ${BUDGET.latencyRatio}×`, ok: latencyRatio <= BUDGET.latencyRatio },
    { section, what: "    floor: bare relay / direct (any Worker that calls Machines)", value: times(relay.p50 / s.direct.p50) },
    { section, what: "    the same relay on workerd without Miniflare (no outbound interceptor) / direct", value: times(raw.p50 / s.direct.p50) },
    { section, what: `  requests/s (${o.speed.connections} connections): direct / Worker / bare relay / bare Worker`, value: `${int(s.direct.rps)} / ${int(w.worker.rps)} / ${int(relay.rps)} / ${int(w.bare.rps)}` },
    { section, what: "  throughput ratio Worker / direct", value: throughputRatio.toFixed(3), budget: `≥ ${BUDGET.throughputRatio}`, ok: throughputRatio >= BUDGET.throughputRatio },
    { section, what: "    ceiling: bare relay / direct; without Miniflare", value: `${(relay.rps / s.direct.rps).toFixed(3)}; ${(raw.rps / s.direct.rps).toFixed(3)}` },
    { section, what: "  workerd CPU/request (/proc): Worker / bare relay / bare / bare + 1 D1 query", value: `${ms(w.cpu.worker)} / ${ms(relay.cpu)} / ${ms(w.cpu.bare)} / ${ms(w.cpu.bareWithD1)}` },
    { section, what: "    bare relay on workerd without Miniflare", value: ms(raw.cpu) },
    { section, what: "  CPU/request, the whole workerd process (upper bound)", value: ms(w.cpu.worker), budget: `≤ ${BUDGET.cpuMs} ms`, ok: w.cpu.worker <= BUDGET.cpuMs },
    { section, what: "  CPU/request of the Worker itself (Worker − bare − its D1 queries)", value: ms(ownCpu), budget: `≤ ${BUDGET.cpuMs} ms`, ok: ownCpu <= BUDGET.cpuMs },
    { section, what: "    of which beyond a pure relay (Worker − bare relay − its D1 queries)", value: ms(beyondRelayCpu) },
    { section, what: "wrangler dev (reference: dev-only proxy Worker + Miniflare's entry Worker in front):", value: "" },
    { section, what: "  p50 latency: Worker / bare Worker / bare + 1 D1 query", value: `${ms(d.worker.p50)} / ${ms(d.bare.p50)} / ${ms(d.bareWithD1P50)}` },
    { section, what: "  p50 latency ratio Worker / direct; bare / direct", value: `${times(d.worker.p50 / s.direct.p50)}; ${times(d.bare.p50 / s.direct.p50)}` },
    { section, what: "  requests/s: Worker / bare Worker (ratio Worker / direct)", value: `${int(d.worker.rps)} / ${int(d.bare.rps)} (${(d.worker.rps / s.direct.rps).toFixed(3)})` },
    { section, what: "  CPU/request (/proc, second workerd): Worker / bare / bare + 1 D1 query", value: `${ms(d.cpu.worker)} / ${ms(d.cpu.bare)} / ${ms(d.cpu.bareWithD1)}` },
    { section, what: "round trips (counted in the Worker on workerd, and at the sandbox):", value: "" },
    { section, what: "  D1 queries: first request of an isolate (cold)", value: String(c.d1Cold), budget: `≤ ${BUDGET.d1PerRead}`, ok: c.d1Cold <= BUDGET.d1PerRead },
    { section, what: `  D1 queries per request, warm (${c.requests} requests)`, value: String(c.d1PerRequest), budget: `≤ ${BUDGET.d1PerRead}`, ok: c.d1PerRequest <= BUDGET.d1PerRead },
    { section, what: "  partner session mints: cold / per warm request", value: `${c.sessionMintsCold} / ${c.sessionMintsPerRequest}`, budget: "0", ok: c.sessionMintsCold === 0 && c.sessionMintsPerRequest === 0 },
    { section, what: "  upstream calls per request (counted in the Worker)", value: upstream },
    { section, what: "  partner API requests per request (seen by the sandbox)", value: String(c.sandboxSeenPerRequest) },
  ];
}

function journeyRows(j: JourneyTiming, c: JourneyCounts): Row[] {
  const section = "journey (API level: sign-in → KYC → agreements → deposit funded → card → reveal → purchase → withdrawal confirmed)";
  return [
    { section, what: `wall time (median of ${j.runs})`, value: ms(j.wallMs, 0) },
    { section, what: "  of which waiting for the Worker", value: ms(j.workerMs, 0) },
    { section, what: "  by stage", value: j.stages.map((s) => `${s.stage} ${Math.round(s.ms)}`).join(", ") },
    { section, what: "Worker calls", value: String(j.workerCalls) },
    { section, what: "D1 queries / upstream calls / session mints (one journey)", value: `${c.d1Queries} / ${c.upstreamCalls} / ${c.sessionMints}` },
  ];
}

/** Replaces the figures between BENCHMARKS.md's markers, keeping the prose around them. */
function record(block: string) {
  const file = "BENCHMARKS.md";
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  const text = readFileSync(file, "utf8");
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} markers`);
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${block}\n${text.slice(to)}`);
}

await main();
