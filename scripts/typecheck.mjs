#!/usr/bin/env node
// Type-checks every folder against its own tsconfig (the widget sees the DOM, the Worker sees
// workerd, the sandbox sees Node, shared/ sees none of them). Exits non-zero on any error.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

export const PROJECTS = ["shared", "worker", "worker/src/reveal/frame", "widget", "demo", "demo/site/pages", "test", "bench", "bench/worker"].filter((p) => existsSync(`${p}/tsconfig.json`));

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/typescript/bin/tsc", "-p", `${project}/tsconfig.json`, "--pretty"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ project, ok: code === 0, output }));
  });
}

/** Tests import the compiled sandbox contracts (build output), so they are compiled first (quick when unchanged). */
function compileContracts() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "demo/chain/compile.ts"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ project: "demo/chain (solc)", ok: code === 0, output }));
  });
}

export async function typecheck() {
  const compiled = await compileContracts();
  if (!compiled.ok) {
    console.log(`✗ compile demo/chain contracts\n${compiled.output.trimEnd()}`);
    return [compiled];
  }
  const results = await Promise.all(PROJECTS.map(check));
  for (const r of results) {
    console.log(`${r.ok ? "✓" : "✗"} tsc -p ${r.project}`);
    if (!r.ok) console.log(r.output.trimEnd());
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await typecheck();
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
