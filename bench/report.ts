/**
 * The bench's one table: every figure with its budget, as aligned text for the terminal and as Markdown
 * for BENCHMARKS.md.
 */
export interface Row {
  section: string;
  what: string;
  value: string;
  budget?: string;
  /** undefined: a figure without a budget. */
  ok?: boolean;
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
export const ms = (value: number, digits = 2) => `${value.toFixed(digits)} ms`;
export const times = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)}×`;
export const int = (value: number) => Math.round(value).toLocaleString("en-US");
const status = (r: Row) => (r.ok === undefined ? "" : r.ok ? "ok" : "OVER");

export function textTable(rows: Row[]): string {
  const widths = {
    what: Math.max(...rows.map((r) => r.what.length)),
    value: Math.min(40, Math.max(...rows.map((r) => r.value.length))),
    budget: Math.max(6, ...rows.map((r) => (r.budget ?? "").length)),
  };
  const lines: string[] = [];
  let section = "";
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push("", section);
    }
    lines.push(`  ${r.what.padEnd(widths.what)}  ${r.value.padEnd(widths.value)}  ${(r.budget ?? "").padEnd(widths.budget)}  ${status(r)}`.trimEnd());
  }
  return lines.join("\n").trimStart();
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

export function markdownTable(rows: Row[]): string {
  const lines = ["| | figure | budget | |", "|---|---:|---|---|"];
  let section = "";
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push(`| **${cell(section)}** | | | |`);
    }
    lines.push(`| ${cell(r.what)} | ${cell(r.value)} | ${cell(r.budget ?? "")} | ${status(r)} |`);
  }
  return lines.join("\n");
}
