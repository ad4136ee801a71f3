#!/usr/bin/env node
// `npm test`: every suite, one after another, then one line totalling them all:
//   N passed, M failed
// Suites: the type check (one check per tsconfig), Node tests (shared/, sandbox, scripts) and
// Worker tests (inside workerd, D1 migrated) through vitest, widget tests in Chromium through
// @web/test-runner, the end-to-end journeys through Playwright, and the consumer fixtures (the packed
// widget installed into a CDN page, a Vite app, a React app and a Vue app) through Playwright.
// Options: --only <suite>[,<suite>] runs a subset (typecheck, node, worker, widget, e2e, consumers).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { typecheck } from "./typecheck.mjs";

const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(",")) : null;
const want = (name) => !only || only.has(name);
const scratch = mkdtempSync(join(tmpdir(), "machines-card-test-"));
const bin = (name) => join("node_modules", ".bin", name);

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

async function vitestSuite(project) {
  const out = join(scratch, `vitest-${project}.json`);
  const code = await run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  const report = readJson(out);
  if (!report) return { passed: 0, failed: 1, note: `vitest ${project} produced no report (exit ${code})` };
  const failedFiles = (report.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + failedFiles + (code !== 0 && !report.numFailedTests && !failedFiles ? 1 : 0),
  };
}

async function widgetSuite() {
  const out = join(scratch, "wtr.json");
  const code = await run(bin("web-test-runner"), [], { WTR_RESULTS_FILE: out });
  const counts = readJson(out);
  if (!counts) return { passed: 0, failed: 1, note: `web-test-runner produced no report (exit ${code})` };
  return { passed: counts.passed, failed: counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0) };
}

async function playwrightSuite(name, args = []) {
  const out = join(scratch, `playwright-${name}.json`);
  const code = await run(bin("playwright"), ["test", ...args], { PLAYWRIGHT_JSON_OUTPUT_NAME: out, PLAYWRIGHT_REPORTERS: "list,json" });
  const report = readJson(out);
  if (!report?.stats) return { passed: 0, failed: 1, note: `playwright produced no report (exit ${code})` };
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
  const note = flaky ? `${flaky} flaky: failed once, passed on retry` : undefined;
  return { passed: expected + flaky, failed: unexpected + (code !== 0 && unexpected === 0 ? 1 : 0), ...(note ? { note } : {}) };
}

const suites = [
  ["typecheck", async () => {
    const results = await typecheck();
    return { passed: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
  }],
  ["node", () => vitestSuite("node")],
  ["worker", () => vitestSuite("worker")],
  ["widget", widgetSuite],
  ["e2e", () => (existsSync("playwright.config.ts") ? playwrightSuite("e2e") : null)],
  ["consumers", () => playwrightSuite("consumers", ["-c", "test/consumers/playwright.config.ts"])],
];

const totals = { passed: 0, failed: 0 };
const lines = [];
for (const [name, runSuite] of suites) {
  if (!want(name)) continue;
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  let result;
  try {
    result = await runSuite();
  } catch (error) {
    result = { passed: 0, failed: 1, note: String(error) };
  }
  if (!result) continue;
  totals.passed += result.passed;
  totals.failed += result.failed;
  lines.push(`${name.padEnd(10)} ${String(result.passed).padStart(5)} passed ${String(result.failed).padStart(4)} failed  ${((Date.now() - started) / 1000).toFixed(0)}s${result.note ? `  (${result.note})` : ""}`);
}
rmSync(scratch, { recursive: true, force: true });

console.log("\n━━ summary ━━");
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
