/**
 * `npx tsx bench/profile-worker.ts`: where the Worker spends its CPU on a cached read, on workerd with
 * nothing in front (`lib/workerd-worker.ts`), against the sandbox on loopback.
 *
 *   --route balances|estimate   which request (default balances: GET /v1/balances)
 *   --seconds N                 length of the measured load (default 8)
 *   --script path               another entry (e.g. bench/worker/bare-worker.ts) to compare with
 *   --profile                   also record V8's sampling profile through workerd's inspector
 *   --isolate id                the isolate to profile (default core:user:, the Worker; Miniflare's
 *                               own: outbound:0, d1:db, …)
 *
 * Prints requests/s and the workerd process's CPU per request (/proc), which is what to compare between
 * code variations: run it before and after a change. With `--profile`, the self time of the hottest
 * functions and of each source file (the bundle's `// path` markers map lines to files). The sampler
 * counts time the thread was preempted as busy, so read its figures as shares, not as milliseconds.
 */
import { readFileSync } from "node:fs";
import { startSandbox } from "../demo/sandbox/start";
import { freePort } from "../scripts/lib/free-port";
import { type RunningStack, workerVarsFor } from "../test/stack";
import { benchUser } from "./bench-user";
import { autocannon, type LoadRun } from "./lib/autocannon";
import { cpuMs } from "./lib/processes";
import { startDirectWorker } from "./lib/workerd-worker";

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const route = option("route") ?? "balances";
const seconds = Number(option("seconds") ?? 8);
const script = option("script");
const profile = argv.includes("--profile");
const isolate = option("isolate") ?? "core:user:";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

/** A minimal Chrome DevTools Protocol client over the inspector's WebSocket. */
async function inspector(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as { webSocketDebuggerUrl: string; title?: string; id: string }[];
  // The Worker's isolate (Miniflare also runs its own: outbound interceptor, D1, rate limiters…).
  const target = targets.find((t) => t.id === isolate);
  if (!target) throw new Error(`no inspector target ${isolate} (there are: ${targets.map((t) => t.id).join(", ")})`);
  const ws = new WebSocket(target.webSocketDebuggerUrl.replace("localhost", "127.0.0.1"));
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let next = 1;
  const pending = new Map<number, (result: unknown) => void>();
  ws.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  };
  return {
    send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
      const id = next++;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve) => pending.set(id, resolve as (r: unknown) => void));
    },
    close: () => ws.close(),
  };
}

/** The source file of each bundle line, from esbuild's `// path` markers. */
function fileOfLine(scriptPath: string): (line: number) => string {
  const marks: { line: number; file: string }[] = [];
  readFileSync(scriptPath, "utf8")
    .split("\n")
    .forEach((text, i) => {
      const m = /^\/\/ ((?:node_modules|worker|shared|bench)\/\S+)$/.exec(text);
      if (m) marks.push({ line: i, file: m[1]! });
    });
  return (line) => {
    let file = "(bundle)";
    for (const mark of marks) {
      if (mark.line > line) break;
      file = mark.file;
    }
    return file;
  };
}

function report(nodes: ProfileNode[], scriptPath: string) {
  const fileOf = fileOfLine(scriptPath);
  const total = nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const n of nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const f = n.callFrame;
    const file = f.url.endsWith(".js") && !f.url.startsWith("node:") ? fileOf(f.lineNumber) : f.url || "(native)";
    const fn = `${f.functionName || "(anonymous)"}  ${file}:${f.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
    const group = f.url ? file.replace(/^node_modules\/([^/]+(?:\/[^/]+)?)\/.*/, "$1").replace(/^(\w+\/src\/[^/]+)\/.*/, "$1") : f.functionName;
    byFile.set(group, (byFile.get(group) ?? 0) + hits);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join("\n");
  console.log(`\nself time by file (${total} samples):\n${top(byFile, 25)}\n\nhottest functions:\n${top(byFunction, 40)}`);
}

async function main() {
  const sandbox = await startSandbox({ port: 0, anvilPort: 0, logger: null });
  const inspectorPort = profile ? await freePort() : undefined;
  const worker = await startDirectWorker({ vars: workerVarsFor(sandbox, []), script, inspectorPort });
  try {
    const stack = { sandboxUrl: sandbox.url, partnerApiUrl: sandbox.partnerApiUrl, partnerKey: sandbox.partnerKey } as RunningStack;
    const token = script ? "" : (await benchUser(stack, worker.url)).token;
    const target: Omit<LoadRun, "connections" | "durationSeconds"> =
      route === "estimate"
        ? {
            url: `${worker.url}/v1/deposits/estimate`,
            method: "POST",
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            body: JSON.stringify({ currency: "rusd", network: "base", amount: 50 }),
          }
        : { url: `${worker.url}/v1/balances`, method: "GET", headers: { Authorization: `Bearer ${token}` } };
    await autocannon({ ...target, connections: 8, durationSeconds: 2 }); // warm up
    const session = profile ? await inspector(inspectorPort!) : null;
    if (session) {
      await session.send("Profiler.enable");
      await session.send("Profiler.setSamplingInterval", { interval: 100 });
      await session.send("Profiler.start");
    }
    const before = cpuMs(worker.pid);
    const load = await autocannon({ ...target, connections: 8, durationSeconds: seconds });
    const cpu = (cpuMs(worker.pid) - before) / Math.max(1, load.requests);
    console.log(`${script ?? "worker"} ${route}: ${Math.round(load.rps)} requests/s, workerd CPU ${cpu.toFixed(3)} ms/request, non-2xx ${load.non2xx}, errors ${load.errors}`);
    if (session) {
      const { profile: p } = await session.send<{ profile: { nodes: ProfileNode[] } }>("Profiler.stop");
      session.close();
      report(p.nodes, worker.scriptPath);
    }
    if (load.non2xx) console.log(worker.output().slice(-2000));
  } finally {
    await worker.stop();
    await sandbox.stop();
  }
}

await main();
