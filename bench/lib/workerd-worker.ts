/**
 * A Worker on workerd without `wrangler dev`'s dev-only layers: the bundle `wrangler deploy` would upload
 * (`wrangler deploy --dry-run --outdir`), run by the Miniflare that wrangler itself ships (so the same
 * workerd build as `wrangler dev`), with wrangler.toml's bindings (a local D1 with every migration
 * applied, the rate limiters, compatibility date and flags) and the Worker served on a socket of its own
 * (`unsafeDirectSockets`): a request reaches the Worker's `fetch` directly, as it does in production.
 *
 * Under `wrangler dev` the same request first crosses wrangler's proxy Worker (another workerd process)
 * and Miniflare's entry Worker. Here the one workerd process holds the Worker and D1's local simulator
 * (a Durable Object with SQLite) and nothing else, so its CPU time per request is the Worker's, plus
 * HTTP parsing and the D1 simulator.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";

export interface DirectWorkerOptions {
  /** An entry module instead of wrangler.toml's `main` (the bare and counting Workers of the bench). */
  script?: string;
  /** Settings, over wrangler.toml's [vars] (.dev.vars is never used). */
  vars?: Record<string, string>;
  /** Open workerd's V8 inspector on this port (the profiler, `bench/profile-worker.ts`). */
  inspectorPort?: number;
}

export interface RunningDirectWorker {
  url: string;
  port: number;
  /** Where the bundle that runs is (the profiler maps its lines to source files). */
  scriptPath: string;
  /** The workerd process (for its CPU time). */
  pid: number;
  /** What the Worker printed (console.log / warn / error), for a failure report. */
  output(): string;
  stop(): Promise<void>;
}

interface D1Config {
  binding: string;
  database_id?: string;
  preview_database_id?: string;
}
interface RateLimitConfig {
  name: string;
  namespace_id: string;
  simple: { limit: number; period?: 10 | 60 };
}

const wranglerBin = join("node_modules", "wrangler", "bin", "wrangler.js");
const wranglerDir = dirname(createRequire(import.meta.url).resolve("wrangler/package.json"));

/** wrangler's own Miniflare (it may differ from the one other packages install at the top level). */
async function wranglersMiniflare(): Promise<typeof import("miniflare")> {
  return import(createRequire(join(wranglerDir, "package.json")).resolve("miniflare"));
}

function runWrangler(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" };
    const child: ChildProcess = spawn(process.execPath, [wranglerBin, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`wrangler ${args.slice(0, 2).join(" ")} failed:\n${output}`))));
  });
}

/**
 * The bundle `wrangler deploy` would upload for this entry (wrangler.toml's `main` when none), written to
 * `outdir`; returns the script's path (wrangler names it after the entry: index.js, bare-worker.js, …).
 */
export async function bundleWorker(script: string | undefined, outdir: string): Promise<string> {
  await runWrangler(["deploy", ...(script ? [script] : []), "--dry-run", "--outdir", outdir]);
  return join(outdir, readdirSync(outdir).find((f) => f.endsWith(".js"))!);
}

/** wrangler.toml as wrangler reads it. */
export async function wranglerConfig() {
  return (await import("wrangler")).unstable_readConfig({ config: resolve("wrangler.toml") });
}

/** The workerd binary wrangler's Miniflare runs. */
export async function wranglersWorkerd(): Promise<string> {
  const fromMiniflare = createRequire(createRequire(join(wranglerDir, "package.json")).resolve("miniflare"));
  return ((await import(fromMiniflare.resolve("workerd"))) as { default: string }).default;
}

/** workerd processes that are children of this process. */
function workerdChildren(): Set<number> {
  const found = new Set<number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("workerd")) found.add(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

// One Miniflare starts at a time, so the workerd process that appears is the one it started.
let starting: Promise<unknown> = Promise.resolve();

export async function startDirectWorker(options: DirectWorkerOptions = {}): Promise<RunningDirectWorker> {
  const run = starting.then(() => start(options));
  starting = run.catch(() => undefined);
  return run;
}

async function start(options: DirectWorkerOptions): Promise<RunningDirectWorker> {
  const state = mkdtempSync(join(tmpdir(), "machines-card-workerd-"));
  try {
    const bundle = join(state, "bundle");
    const scriptPath = await bundleWorker(options.script, bundle);
    await runWrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
    const config = await wranglerConfig();
    const { Miniflare, convertV4MiniflareOptions } = await wranglersMiniflare();

    let output = "";
    const before = workerdChildren();
    const mf = new Miniflare(
      convertV4MiniflareOptions({
        rootPath: bundle,
        modules: true,
        scriptPath,
        compatibilityDate: config.compatibility_date,
        compatibilityFlags: config.compatibility_flags,
        // The database id `wrangler d1 migrations apply --local` migrated (preview id first, as wrangler picks it).
        d1Databases: Object.fromEntries(config.d1_databases.map((db: D1Config) => [db.binding, db.preview_database_id ?? db.database_id ?? db.binding])),
        ratelimits: Object.fromEntries(config.ratelimits.map((r: RateLimitConfig) => [r.name, { namespace_id: r.namespace_id, simple: r.simple }])),
        // [vars] and the given settings only: the developer's .dev.vars never reaches a bench run.
        bindings: { ...(config.vars as Record<string, string>), ...options.vars },
        host: "127.0.0.1",
        port: 0,
        resourcePersistencePath: join(state, "v3"),
        unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
        ...(options.inspectorPort === undefined ? {} : { inspectorPort: options.inspectorPort }),
        handleRuntimeStdio(stdout: Readable, stderr: Readable) {
          stdout.on("data", (d: Buffer) => (output += d));
          stderr.on("data", (d: Buffer) => (output += d));
        },
        handleStructuredLogs(line: { message: string }) {
          output += `${line.message}\n`;
        },
      } as Parameters<typeof convertV4MiniflareOptions>[0]),
    );
    await mf.ready;
    const url = (await mf.unsafeGetDirectURL()).href.replace(/\/$/, "");
    const started = [...workerdChildren()].filter((pid) => !before.has(pid));
    if (started.length !== 1) {
      await mf.dispose();
      throw new Error(`expected one new workerd process, found ${started.length}`);
    }
    return {
      url,
      port: Number(new URL(url).port),
      scriptPath,
      pid: started[0]!,
      output: () => output,
      async stop() {
        await mf.dispose();
        rmSync(state, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(state, { recursive: true, force: true });
    throw e;
  }
}
