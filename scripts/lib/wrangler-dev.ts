import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port";

export interface StartWorkerOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  /**
   * Bindings that override wrangler.toml's [vars] and stand in for .dev.vars (which is then ignored, so a
   * developer's own secrets never leak into a test run). Omitted: wrangler.toml and .dev.vars, as `npm run dev`.
   */
  vars?: Record<string, string>;
  /** Local D1 and other state; a fresh temporary directory when omitted (removed on stop). */
  persistTo?: string;
  /** Print wrangler's output (default: only on failure). */
  verbose?: boolean;
  timeoutMs?: number;
  /** An entry module instead of wrangler.toml's `main` (the benchmark measures a bare Worker on the same dev server). */
  script?: string;
  /** Receives everything wrangler prints, the Worker's own log lines included (tests that inspect the logs). */
  onOutput?: (text: string) => void;
}

export interface RunningWorker {
  url: string;
  port: number;
  persistTo: string;
  stop(): Promise<void>;
}

// Run wrangler with this same Node (>= 22.12), not whatever `node` PATH finds first.
const wrangler = join("node_modules", "wrangler", "bin", "wrangler.js");

function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [wrangler, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Runs the Worker the way a developer does, `wrangler dev` with a local D1 that has every migration
 * applied: for `npm run dev` (wrangler.toml + .dev.vars) and for tests (settings passed in `vars`).
 */
export async function startWorker(options: StartWorkerOptions = {}): Promise<RunningWorker> {
  // A free port can be taken by another test's server between the probe and wrangler's bind: try another.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startWorkerOnce(options);
    } catch (error) {
      if (options.port || attempt >= 4 || !(error instanceof PortTakenError)) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function startWorkerOnce(options: StartWorkerOptions): Promise<RunningWorker> {
  const port = options.port || (await freePort());
  const inspectorPort = await freePort();
  const ownState = !options.persistTo;
  const persistTo = options.persistTo ?? mkdtempSync(join(tmpdir(), "machines-card-worker-"));
  const envFileArgs: string[] = [];
  if (options.vars) {
    const envFile = join(persistTo, "worker.env");
    writeFileSync(envFile, Object.entries(options.vars).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join("\n") + "\n", { mode: 0o600 });
    envFileArgs.push("--env-file", envFile);
  }
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" };

  const migrate = await runToEnd(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], env);
  if (migrate.code !== 0) throw new Error(`wrangler d1 migrations apply failed:\n${migrate.output}`);

  const child: ChildProcess = spawn(
    process.execPath,
    [wrangler, "dev", ...(options.script ? [options.script] : []), "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort), "--persist-to", persistTo,
      ...envFileArgs, "--show-interactive-dev-session=false", "--log-level", options.onOutput ? "log" : options.verbose ? "info" : "warn"],
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  child.stdout?.on("data", (d) => { output += d; options.onOutput?.(String(d)); if (options.verbose) process.stdout.write(d); });
  child.stderr?.on("data", (d) => { output += d; options.onOutput?.(String(d)); if (options.verbose) process.stderr.write(d); });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = (signal: NodeJS.Signals) => { try { process.kill(-child.pid!, signal); } catch { /* gone */ } };
  const onExit = () => kill("SIGKILL");
  process.once("exit", onExit);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.off("exit", onExit);
    kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    kill("SIGKILL");
    if (ownState) rmSync(persistTo, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      const Failure = /Address already in use/.test(output) ? PortTakenError : Error;
      throw new Failure(`wrangler dev exited (${child.exitCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer /healthz within the timeout:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, persistTo, stop };
}
