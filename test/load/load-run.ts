/**
 * Many people through the whole API-level journey at once, bounded in count and time: `users` journeys,
 * all started together (at most `concurrency` in flight), and a deadline for the lot. Every failure is
 * kept with the stage and the Worker's error code, never swallowed.
 */
import { runJourney, type JourneyResult } from "./api-journey";
import { percentile } from "./percentile";
import { createSandboxClient, uniqueEmail } from "../support/sandbox/sandbox-client";
import { createWorkerClient, UnexpectedReply, type CallLog } from "../support/sandbox/worker-client";

export interface LoadOptions {
  workerUrl: string;
  sandboxUrl: string;
  users: number;
  /** Journeys in flight at once (default: all of them). */
  concurrency?: number;
  /** The whole run must end by then. */
  deadlineMs: number;
  pollMs?: number;
}

export interface LoadFailure {
  email: string;
  error: string;
  /** The Worker's error code when a Worker call failed. */
  code?: string;
  status?: number;
}

export interface LoadReport {
  users: number;
  /** Everyone who started a journey. */
  emails: string[];
  completed: JourneyResult[];
  failures: LoadFailure[];
  wallMs: number;
  workerCalls: number;
  /** Calls per operation, and their latency percentiles (ms). */
  calls: Record<string, { count: number; p50: number; p99: number; non2xx: number }>;
  journeyMs: { p50: number; p95: number; max: number };
}

export async function runLoad(o: LoadOptions): Promise<LoadReport> {
  const started = performance.now();
  const deadline = Date.now() + o.deadlineMs;
  const sandbox = createSandboxClient({ sandboxUrl: o.sandboxUrl });
  const allCalls: CallLog[] = [];
  const completed: JourneyResult[] = [];
  const failures: LoadFailure[] = [];
  const emails = Array.from({ length: o.users }, (_, i) => uniqueEmail(`load${i}`));
  const queue = [...emails];

  const worker = async () => {
    for (let email = queue.shift(); email !== undefined; email = queue.shift()) {
      const client = createWorkerClient(o.workerUrl, { timeoutMs: Math.max(1_000, deadline - Date.now()) });
      try {
        completed.push(
          await runJourney({ workerUrl: o.workerUrl, sandboxUrl: o.sandboxUrl, email, worker: client, sandbox, pollMs: o.pollMs ?? 500, deadlineMs: deadline - Date.now() }),
        );
      } catch (e) {
        const unexpected = e instanceof UnexpectedReply ? e : null;
        failures.push({ email, error: String((e as Error)?.message ?? e).slice(0, 400), code: unexpected?.code, status: unexpected?.reply.status });
      } finally {
        allCalls.push(...client.calls);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? o.users, o.users) }, worker));

  const byOperation = new Map<string, CallLog[]>();
  for (const call of allCalls) byOperation.set(call.operationId, [...(byOperation.get(call.operationId) ?? []), call]);
  const calls = Object.fromEntries(
    [...byOperation].map(([op, list]) => [
      op,
      {
        count: list.length,
        p50: percentile(list.map((c) => c.ms), 50),
        p99: percentile(list.map((c) => c.ms), 99),
        non2xx: list.filter((c) => c.status < 200 || c.status >= 300).length,
      },
    ]),
  );
  const journeys = completed.map((r) => r.wallMs);
  return {
    users: o.users,
    emails,
    completed,
    failures,
    wallMs: performance.now() - started,
    workerCalls: allCalls.length,
    calls,
    journeyMs: { p50: percentile(journeys, 50), p95: percentile(journeys, 95), max: Math.max(0, ...journeys) },
  };
}
