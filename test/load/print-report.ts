import type { ConsistencyReport } from "./consistency";
import type { LoadReport } from "./load-run";

/** A load run in a few lines: counts, journey times, Worker calls by operation, failures, consistency. */
export function printLoadReport(report: LoadReport, consistency: ConsistencyReport): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`\n${report.completed.length}/${report.users} journeys completed in ${s(report.wallMs)}; ${report.failures.length} failed`);
  console.log(`journey time p50 ${s(report.journeyMs.p50)}, p95 ${s(report.journeyMs.p95)}, max ${s(report.journeyMs.max)}; ${report.workerCalls} Worker calls`);
  console.log("\nWorker calls by operation (count, p50 / p99 ms, non-2xx):");
  for (const [op, c] of Object.entries(report.calls).sort((a, b) => b[1].count - a[1].count)) {
    console.log(`  ${op.padEnd(24)} ${String(c.count).padStart(6)}  ${c.p50.toFixed(0).padStart(6)} / ${c.p99.toFixed(0).padStart(6)}  ${c.non2xx}`);
  }
  const byCause = new Map<string, number>();
  for (const f of report.failures) byCause.set(`${f.status ?? "-"} ${f.code ?? ""} ${f.error.slice(0, 120)}`, (byCause.get(`${f.status ?? "-"} ${f.code ?? ""} ${f.error.slice(0, 120)}`) ?? 0) + 1);
  if (byCause.size) {
    console.log("\nfailures:");
    for (const [cause, n] of byCause) console.log(`  ${n} × ${cause}`);
  }
  console.log(`\nconsistency: ${consistency.checkedUsers} users checked, ${consistency.problems.length} problems`);
  for (const p of consistency.problems.slice(0, 30)) console.log(`  ${p}`);
}
