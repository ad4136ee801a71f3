/**
 * Latency at sub-millisecond resolution (autocannon's percentiles are whole milliseconds): sequential
 * requests from a child process (`sample-latency.mjs`), each timed with a monotonic clock.
 */
import { spawn } from "node:child_process";
import { percentile } from "./stats";

export interface LatencyRun {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  count: number;
}

export interface LatencyResult {
  p50: number;
  p99: number;
  /** Non-2xx replies (must be zero for the figures to count). */
  failures: number;
}

export function sampleLatency(run: LatencyRun): Promise<LatencyResult> {
  const headers = { ...run.headers, ...(run.body !== undefined ? { "Content-Type": "application/json" } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bench/lib/sample-latency.mjs", JSON.stringify({ ...run, headers })], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => {
      try {
        const { micros, failures } = JSON.parse(out) as { micros: number[]; failures: number };
        const ms = micros.map((m) => m / 1000);
        resolve({ p50: percentile(ms, 50), p99: percentile(ms, 99), failures });
      } catch {
        reject(new Error(`latency sampler exited ${code}: ${err.slice(0, 500)}`));
      }
    });
  });
}
