/**
 * The widget's sizes, with `npm run size`'s own code (`scripts/size.mjs`: what counts as the entry, a
 * step chunk and a sandbox journey, and the budgets). The build goes to a temporary folder, so the bench
 * never replaces the `dist/` another engineer is using.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
// @ts-expect-error -- plain .mjs script without declarations; its exports are typed below.
import { BUDGETS as SIZE_BUDGETS, check as checkSizes, measure as measureSizes } from "../scripts/size.mjs";

export interface SizeLine {
  what: string;
  raw: number;
  gzip: number;
  budget: number;
  ok: boolean;
}

export interface WidgetSizes {
  dist: string;
  lines: SizeLine[];
  journeyFiles: { file: string; raw: number; gzip: number }[];
  budgets: { entry: number; step: number; journey: number };
  remove(): void;
}

export async function buildWidget(): Promise<string> {
  const dist = mkdtempSync(join(tmpdir(), "machines-card-bench-dist-"));
  await build({ logLevel: "warn", build: { outDir: dist, emptyOutDir: true } });
  return dist;
}

export async function widgetSizes(): Promise<WidgetSizes> {
  const dist = await buildWidget();
  const figures = measureSizes(dist) as { journey: { files: { file: string; raw: number; gzip: number }[] } };
  return {
    dist,
    lines: checkSizes(figures) as SizeLine[],
    journeyFiles: [...figures.journey.files].sort((a, b) => b.gzip - a.gzip),
    budgets: SIZE_BUDGETS as WidgetSizes["budgets"],
    remove: () => rmSync(dist, { recursive: true, force: true }),
  };
}
