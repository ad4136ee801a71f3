/**
 * `npm run bench`: measures the product and prints one table.
 *   widget  — gzip -9 and raw sizes (entry, each step chunk, a sandbox journey), time to first render;
 *   Worker  — for a read and a write, latency and throughput through the Worker vs straight to the
 *             simulator (ratios), workerd CPU per request, D1 queries / upstream calls / session mints;
 *   journey — wall time and Worker calls of the full sandbox journey at the API level.
 * Everything runs on loopback on free ports (`test/stack.ts`). `--record` also writes the figures into
 * BENCHMARKS.md (between its bench markers) with the date and the machine. `--quick`: fewer rounds, for
 * a smoke run. Exits 1 when a request failed; budgets are reported, not enforced (the machine is shared).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { freePort } from "../scripts/lib/free-port";
import { startWorker } from "../scripts/lib/wrangler-dev";
import { startStack } from "../test/stack";
import { benchUser } from "./bench-user";
import { measureFirstRender, serveWidgetPage, type RenderFigures } from "./first-render";
import { timeJourney, type JourneyTiming } from "./journey-timing";
import { loadNow, machine } from "./machine";
import { kb, markdownTable, ms, int, textTable, times, type Row } from "./report";
import { widgetSizes, type WidgetSizes } from "./widget-size";
import { countJourney, countRequests, startCountingWorker, type JourneyCounts, type RequestCounts } from "./worker-counts";
import { measureRoute, routesToMeasure, type RouteSpeed } from "./worker-speed";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
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

  log("widget: building into a temporary folder…");
  const sizes = await widgetSizes();
  const pagePort = await freePort();
  log("stack: sandbox + Worker under wrangler dev, and a bare Worker on the same dev server…");
  const stack = await startStack({ allowedOrigins: [`http://127.0.0.1:${pagePort}`] });
  const bare = await startWorker({ script: "bench/worker/bare-worker.ts" }).catch(async (e: unknown) => {
    await stack.stop();
    throw e;
  });
  let render!: RenderFigures;
  const speeds: RouteSpeed[] = [];
  let counts!: RequestCounts[];
  let journey!: JourneyTiming;
  let journeyCounts!: JourneyCounts;
  try {
    log(`widget: first render, ${o.renderRuns} runs…`);
    const page = await serveWidgetPage(sizes.dist, stack.workerUrl, pagePort);
    try {
      render = await measureFirstRender(page.url, o.renderRuns);
    } finally {
      await page.close();
    }

    log("worker: latency, throughput and CPU…");
    const user = await benchUser(stack);
    for (const t of routesToMeasure(stack, bare, user)) speeds.push(await measureRoute(t, stack, bare, o.speed, log));
    loads.push(loadNow());

    log("worker: D1 queries and upstream calls per request, and per journey…");
    const counting = await startCountingWorker(stack);
    try {
      counts = await countRequests(stack, counting, o.countRequests);
      journeyCounts = await countJourney(stack, counting);
    } finally {
      await counting.stop();
    }

    log(`journey: ${o.journeyRuns} runs…`);
    journey = await timeJourney(stack, o.journeyRuns);
    loads.push(loadNow());
  } finally {
    await bare.stop();
    await stack.stop();
    sizes.remove();
  }

  const rows = [...widgetRows(sizes, render), ...speeds.flatMap((s) => workerRows(s, counts.find((c) => c.route === s.route)!)), ...journeyRows(journey, journeyCounts)];
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
  const latencyRatio = s.worker.p50 / s.direct.p50;
  const throughputRatio = s.worker.rps / s.direct.rps;
  // The dev server's share: a bare Worker on the same `wrangler dev`, and one D1 query in Miniflare's simulator.
  const netP50 = Math.max(0, s.worker.p50 - s.bare.p50);
  const netRps = 1 / Math.max(1e-9, 1 / s.worker.rps - 1 / s.bare.rps);
  const ownCpu = s.cpu.worker - s.cpu.bareWithD1;
  const upstream = Object.entries(c.upstreamPerRequest).map(([k, v]) => `${v} × ${k}`).join(", ") || "none";
  return [
    { section, what: "p50 latency: direct / Worker / bare Worker / bare + 1 D1 query", value: `${ms(s.direct.p50)} / ${ms(s.worker.p50)} / ${ms(s.bare.p50)} / ${ms(s.bareWithD1P50)}` },
    { section, what: "p99 latency: direct / Worker / bare Worker", value: `${ms(s.direct.p99)} / ${ms(s.worker.p99)} / ${ms(s.bare.p99)}` },
    { section, what: "p50 latency ratio Worker / direct", value: times(latencyRatio), budget: `≤ ${BUDGET.latencyRatio}×`, ok: latencyRatio <= BUDGET.latencyRatio },
    { section, what: "  same, less the bare Worker's latency", value: times(netP50 / s.direct.p50), budget: `≤ ${BUDGET.latencyRatio}×`, ok: netP50 / s.direct.p50 <= BUDGET.latencyRatio },
    { section, what: "requests/s (8 connections): direct / Worker / bare Worker", value: `${int(s.direct.rps)} / ${int(s.worker.rps)} / ${int(s.bare.rps)}` },
    { section, what: "throughput ratio Worker / direct", value: throughputRatio.toFixed(3), budget: `≥ ${BUDGET.throughputRatio}`, ok: throughputRatio >= BUDGET.throughputRatio },
    { section, what: "  same, less the bare Worker's time per request", value: (netRps / s.direct.rps).toFixed(3), budget: `≥ ${BUDGET.throughputRatio}`, ok: netRps / s.direct.rps >= BUDGET.throughputRatio },
    { section, what: "workerd CPU/request (/proc): Worker / bare / bare + 1 D1 query", value: `${ms(s.cpu.worker)} / ${ms(s.cpu.bare)} / ${ms(s.cpu.bareWithD1)}` },
    { section, what: "CPU/request of the Worker itself (Worker − bare + 1 D1 query)", value: ms(ownCpu), budget: `≤ ${BUDGET.cpuMs} ms`, ok: ownCpu <= BUDGET.cpuMs },
    { section, what: `D1 queries per request (${c.requests} requests)`, value: String(c.d1PerRequest), budget: `≤ ${BUDGET.d1PerRead}`, ok: c.d1PerRequest <= BUDGET.d1PerRead },
    { section, what: "partner session mints per request", value: String(c.sessionMintsPerRequest), budget: "0", ok: c.sessionMintsPerRequest === 0 },
    { section, what: "upstream calls per request (counted in the Worker)", value: upstream },
    { section, what: "partner API requests per request (seen by the sandbox)", value: String(c.sandboxSeenPerRequest) },
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
