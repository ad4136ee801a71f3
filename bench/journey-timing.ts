/**
 * The full sandbox journey at the API level (`test/load/api-journey.ts`), timed: wall time and number of
 * Worker calls, median of a few runs. Most of the wall time is the sandbox's own pacing (a deposit is
 * processed and a withdrawal signed about 2 s after they are seen), so the time spent waiting for the
 * Worker is reported apart.
 */
import type { RunningStack } from "../test/stack";
import { runJourney, type JourneyResult } from "../test/load/api-journey";
import { median } from "./lib/stats";

export interface JourneyTiming {
  runs: number;
  wallMs: number;
  workerCalls: number;
  workerMs: number;
  stages: { stage: string; ms: number }[];
}

export async function timeJourney(stack: RunningStack, runs: number): Promise<JourneyTiming> {
  const results: JourneyResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await runJourney({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl }));
  const stages = results[0]!.stages.map((s, i) => ({ stage: s.stage, ms: median(results.map((r) => r.stages[i]!.ms)) }));
  return {
    runs,
    wallMs: median(results.map((r) => r.wallMs)),
    workerCalls: median(results.map((r) => r.workerCalls)),
    workerMs: median(results.map((r) => r.workerMs)),
    stages,
  };
}
