/**
 * The sandbox's child processes (anvil, the bundler): a process left running after its parent goes
 * would hold its port forever. Kill every tracked child when this process exits, and on SIGINT/SIGTERM
 * (which skip "exit" handlers); if nobody else handles the signal, re-raise it so the process still
 * ends the way it would have.
 */
import type { ChildProcess } from "node:child_process";

const running = new Set<ChildProcess>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    const onSignal = () => {
      for (const child of running) child.kill("SIGKILL");
      if (process.listenerCount(signal) === 1) {
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/**
 * Tracks `child` until it exits, and returns how to wait for that and how to stop it (SIGTERM, then
 * SIGKILL after `graceMs`; safe to call twice).
 */
export function trackChild(child: ChildProcess, graceMs: number): { exited: Promise<number | null>; stop(): Promise<void> } {
  installCleanup();
  running.add(child);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(null));
  });
  void exited.then(() => running.delete(child));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { exited, stop };
}
