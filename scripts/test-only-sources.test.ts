import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Product trees hold product code: every module under `worker/src` and `widget/src` (tests aside) is reached
 * from a product entry by the imports of product modules alone. A module only tests reach is test support
 * in the wrong place (it belongs in `test/support`, `worker/test` or `widget/test`); one nothing reaches is dead.
 */
// The Worker's entry and the widget's published entries (the CDN script, `machines-card`, `machines-card/element`).
const ENTRIES = ["worker/src/index.ts", "widget/src/define.ts", "widget/src/register.ts", "widget/src/index.ts"];
const PRODUCT_TREES = ["worker/src", "widget/src"];

const isTest = (file: string) => /\.test\.ts$/.test(file);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : filesUnder(path);
    return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
  });
}

/** The repository files a module imports (static, dynamic and type-only), by relative specifier. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => {
      const base = normalize(join(dirname(file), spec));
      const candidates = [base, `${base}.ts`, base.replace(/\.js$/, ".ts"), join(base, "index.ts")];
      return candidates.find((c) => c.endsWith(".ts") && existsSync(c)) ?? "";
    })
    .filter(Boolean);
}

const productSources = PRODUCT_TREES.flatMap(filesUnder).filter((f) => !isTest(f));

/** Everything product modules reach from the entries (test files never walked). */
function reachedFromEntries(): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file) || isTest(file)) return;
    seen.add(file);
    for (const next of importsOf(file)) walk(next);
  };
  for (const entry of ENTRIES) walk(entry);
  return seen;
}

describe("the product trees (worker/src, widget/src)", () => {
  it("have their entries", () => {
    for (const entry of ENTRIES) expect(existsSync(entry), entry).toBe(true);
    expect(productSources.length).toBeGreaterThan(100);
  });

  it("hold no module that only tests (or nothing) import", () => {
    const reached = reachedFromEntries();
    const testOnly = productSources.filter((f) => !reached.has(f));
    expect(testOnly).toEqual([]);
  });
});
