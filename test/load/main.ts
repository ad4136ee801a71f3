/**
 * `npm run load`: at least 200 people through the whole API-level journey at once, against the Worker
 * under `wrangler dev` on loopback (test/stack.ts), bounded in count and time; then the consistency
 * checks (no duplicate card or withdrawal, D1 consistent with Machines and with the Worker's answers).
 *   --users N (default 200)   --concurrency N (default: all)   --deadline-seconds N (default 600)
 * Exits 1 on any failed journey or inconsistency.
 */
import { startStack } from "../stack";
import { checkConsistency } from "./consistency";
import { openLocalD1 } from "./local-d1";
import { runLoad } from "./load-run";
import { printLoadReport } from "./print-report";
import { createSandboxClient } from "../support/sandbox/sandbox-client";
import { createWorkerClient } from "../support/sandbox/worker-client";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const users = option("users", 200);
const concurrency = option("concurrency", users);
const deadlineMs = option("deadline-seconds", 600) * 1000;

console.error(`load: starting the stack, then ${users} journeys (${concurrency} at once, deadline ${deadlineMs / 1000} s)…`);
const stack = await startStack();
let failed = false;
try {
  const report = await runLoad({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl, users, concurrency, deadlineMs });
  const db = openLocalD1(stack.worker.persistTo);
  try {
    const consistency = await checkConsistency({
      completed: report.completed,
      db,
      sandbox: createSandboxClient({ sandboxUrl: stack.sandboxUrl }),
      worker: createWorkerClient(stack.workerUrl),
    });
    printLoadReport(report, consistency);
    failed = report.failures.length > 0 || consistency.problems.length > 0 || report.completed.length !== users;
  } finally {
    db.close();
  }
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);
