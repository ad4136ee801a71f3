/**
 * Guards the two promises this folder makes to the rest of the repo: the sandbox keys stay out of
 * production code, and sandbox-chain.ts runs wherever fetch exists (no Node-only module in its graph).
 */
import { readFile, readdir } from "node:fs/promises";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SANDBOX_EXECUTOR_PRIVATE_KEY } from "./keys";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.(m?[jt]sx?|html)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    // Installed packages and build output (a bundle is checked through its sources, not twice).
    .filter((path) => !/\/(node_modules|dist)\//.test(path));
}

/** Value imports and re-exports (`import type` is erased and cannot load anything). */
function staticImports(code: string): string[] {
  const specifiers: string[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\s+from\s+["']([^"']+)["']/gm)) {
    if (!m[2]) specifiers.push(m[3]!);
  }
  for (const m of code.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) specifiers.push(m[1]!);
  return specifiers;
}

describe("sandbox keys stay in the sandbox", () => {
  it("no file in worker/, widget/ or shared/ imports demo/chain/keys or contains the executor key", async () => {
    const keyHex = SANDBOX_EXECUTOR_PRIVATE_KEY.slice(2).toLowerCase();
    const offenders: string[] = [];
    for (const folder of ["worker", "widget", "shared"]) {
      for (const file of await sourceFiles(join(root, folder))) {
        const code = await readFile(file, "utf8");
        const importsKeys = staticImports(code).some((s) => /chain\/keys(\.ts)?$/.test(s)) || /import\(\s*["'][^"']*chain\/keys/.test(code);
        if (importsKeys || code.toLowerCase().includes(keyHex)) offenders.push(relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("the bundler stays a separate sandbox process", () => {
  it("nothing outside demo/chain/bundler.ts names @pimlico/alto or @account-abstraction (GPL, sandbox only)", async () => {
    const offenders: string[] = [];
    for (const folder of ["worker", "widget", "shared"]) {
      for (const file of await sourceFiles(join(root, folder))) {
        const code = await readFile(file, "utf8");
        if (/@pimlico\/alto|@account-abstraction\//.test(code)) offenders.push(relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("sandbox-chain.ts needs only fetch", () => {
  it("has no Node built-in, anvil.ts or compile.ts in its static import graph", async () => {
    const nodeBuiltins = new Set(builtinModules);
    const seen = new Set<string>();
    const problems: string[] = [];
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of staticImports(await readFile(file, "utf8"))) {
        if (specifier.startsWith("node:") || nodeBuiltins.has(specifier)) problems.push(`${relative(root, file)} imports ${specifier}`);
        if (!specifier.startsWith(".")) continue;
        const target = resolve(dirname(file), specifier.endsWith(".ts") ? specifier : `${specifier}.ts`);
        if (/\/chain\/(anvil|compile|bundler|processes)\.ts$/.test(target)) problems.push(`${relative(root, file)} imports ${specifier}`);
        await visit(target);
      }
    };
    await visit(join(here, "sandbox-chain.ts"));
    expect(seen.size).toBeGreaterThan(5); // the walk really followed the imports
    expect(problems).toEqual([]);
  });
});
