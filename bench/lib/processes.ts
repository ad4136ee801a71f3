/**
 * The processes behind a `wrangler dev` (found through /proc, Linux only) and their CPU time, so the
 * bench can say how much CPU a request costs inside workerd.
 *
 * `wrangler dev` runs two workerd processes: one serves the port the bench calls and runs wrangler's
 * dev-only proxy Worker (it buffers requests across reloads); its sibling runs Miniflare's entry
 * Worker and the project's Worker (with D1's SQLite). Production has neither the proxy nor the entry.
 */
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces), starting at field 3 (state).
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

const parentOf = (pid: number) => Number(statFields(pid)[1]);
const commandOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");

function pids(): number[] {
  return readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
}

/** CPU time (user + system) a process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const f = statFields(pid);
  return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

export interface WranglerProcesses {
  /** workerd serving the dev port: wrangler's proxy Worker only. */
  proxy: number;
  /** workerd running the project's Worker (behind Miniflare's entry Worker), with D1. */
  worker: number;
  /** wrangler's own Node process. */
  wrangler: number;
}

/** The processes of the `wrangler dev` listening on this port. */
export function wranglerProcesses(port: number): WranglerProcesses {
  const all = pids();
  const safeCommand = (pid: number) => {
    try {
      return commandOf(pid);
    } catch {
      return "";
    }
  };
  const proxy = all.find((pid) => {
    const command = safeCommand(pid);
    return command.includes("workerd") && command.includes(`--socket-addr=entry=127.0.0.1:${port} `);
  });
  if (!proxy) throw new Error(`no workerd serves port ${port}`);
  const wrangler = parentOf(proxy);
  const worker = all.find((pid) => pid !== proxy && safeCommand(pid).includes("workerd") && (() => {
    try {
      return parentOf(pid) === wrangler;
    } catch {
      return false;
    }
  })());
  if (!worker) throw new Error(`no second workerd beside ${proxy}`);
  return { proxy, worker, wrangler };
}

