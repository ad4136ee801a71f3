/** Where and when the figures were taken: they only compare with figures from the same machine. */
import { cpus, loadavg, totalmem } from "node:os";

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    date: new Date().toISOString(),
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** The 1-minute load average: other engineers' tests run on the same cores. */
export const loadNow = () => loadavg()[0]!;
