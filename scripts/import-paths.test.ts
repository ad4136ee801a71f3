import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The package boundaries hold: a module reaches another package by its name (`@machines-card/contract/…`,
 * `@machines-card/test-support/…`) or its package's `#imports`, never by climbing three or more folders.
 */
const FOLDERS = ["shared", "worker", "widget", "demo", "test", "scripts", "bench"];
const SKIP = new Set(["node_modules", "dist", "test-results", ".sandbox", ".wrangler"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sources(path);
    return /\.(m?[jt]s|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

describe("imports", () => {
  it("never climb more than two folders", () => {
    const files = FOLDERS.flatMap(sources);
    expect(files.length).toBeGreaterThan(300);
    const climbs = files.flatMap((file) =>
      ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles
        .filter((i) => /^(\.\.\/){3,}/.test(i.fileName))
        .map((i) => `${file}: ${i.fileName}`),
    );
    expect(climbs).toEqual([]);
  });
});
