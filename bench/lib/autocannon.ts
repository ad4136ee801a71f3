/**
 * One autocannon run in a child process (so the load generator never shares an event loop with the
 * sandbox, which runs in the bench's own process), read back from its `--json` report.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";

export interface LoadRun {
  url: string;
  method?: "GET" | "POST" | "PATCH";
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const bin = join("node_modules", "autocannon", "autocannon.js");

export function autocannon(run: LoadRun): Promise<LoadResult> {
  const args = [bin, "--json", "--no-progress", "-c", String(run.connections), "-d", String(run.durationSeconds), "-m", run.method ?? "GET"];
  for (const [name, value] of Object.entries(run.headers ?? {})) args.push("-H", `${name}=${value}`);
  if (run.body !== undefined) args.push("-b", run.body);
  args.push(run.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => {
      try {
        const r = JSON.parse(out);
        resolve({
          requests: r.requests.total,
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          mean: r.latency.average,
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
        });
      } catch {
        reject(new Error(`autocannon exited ${code}: ${err.slice(0, 500)}`));
      }
    });
  });
}
