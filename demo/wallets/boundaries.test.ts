import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The sandbox wallet keys live in demo/wallets and must never reach production code or the built
 * widget; the identity issuer may only be used by tests (its test tokens), never by shipped code.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

async function sourceFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const nested = await Promise.all(
    entries
      .filter((e) => !["node_modules", "dist", ".wrangler"].includes(e.name))
      .map((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : Promise.resolve(SOURCE.test(e.name) ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

/** Every module a file imports (static, dynamic, re-export), resolved to a repo-relative path when relative. */
async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]!);
  return specifiers.map((s) => (s.startsWith(".") ? relative(root, resolve(dirname(file), s)) : s));
}

const isTestFile = (path: string) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(path) || /(^|\/)test\//.test(path);

describe("module boundaries", () => {
  it("keeps demo/wallets (sandbox keys) out of worker/, widget/ and shared/", async () => {
    const offenders: string[] = [];
    for (const dir of ["worker", "widget", "shared"]) {
      for (const file of await sourceFiles(join(root, dir))) {
        for (const target of await importsOf(file)) {
          if (/(^|\/)demo\/wallets(\/|$)/.test(target)) offenders.push(`${relative(root, file)} → ${target}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("lets only tests use demo/identity", async () => {
    const offenders: string[] = [];
    for (const dir of ["worker", "widget", "shared"]) {
      for (const file of await sourceFiles(join(root, dir))) {
        const path = relative(root, file);
        if (isTestFile(path)) continue;
        for (const target of await importsOf(file)) {
          if (/(^|\/)demo\/identity(\/|$)/.test(target)) offenders.push(`${path} → ${target}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("sees imports the way the guard above needs to (self-check)", async () => {
    const self = await importsOf(fileURLToPath(import.meta.url));
    expect(self).toContain("node:fs/promises");
    expect(await importsOf(join(root, "demo/wallets/sandbox-signer.ts"))).toContain("demo/identity/service-http");
  });
});
