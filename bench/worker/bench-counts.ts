/** What the counting entry (`counting-worker.ts`) reports at `GET /__bench/counts`: totals since start. */
export interface BenchCounts {
  /** D1 statements prepared (each one is a query). */
  d1Statements: number;
  d1Batches: number;
  /** `METHOD host/path` → outbound calls. */
  fetches: Record<string, number>;
}
