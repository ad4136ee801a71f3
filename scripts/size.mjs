#!/usr/bin/env node
// `npm run size`: builds the widget and prints what a browser downloads, gzip -9, against the budgets,
// reading Vite's manifest (`dist/.vite/manifest.json`: each chunk's static and dynamic imports):
//   the script-tag entry (with anything it imports statically)                      ≤ 16 kB
//   the first view: the entry, the connection to the Worker (with what a connected
//     session does and shows), the sandbox sign-in adapter and the sign-in step,
//     each with what it imports statically                                           ≤ 32 kB
//   each step chunk                                                                   ≤ 15 kB
//   everything a sandbox journey loads                                                ≤ 72 kB
// The first view is what a sandbox page downloads before it shows the sign-in form (the element
// connects, names its auth adapter, then loads the step). A sandbox journey loads the entry, every
// step, and whatever they import statically or dynamically, except what only production or a host
// page's own wallet needs (the Crossmint adapters and SDKs, the EIP-1193 adapter), other languages'
// strings, and the sentences and panels for configuration mistakes (a page set up right never loads them).
// Neither counts the brand palette twice: it is in the journey (a page with `brand-color` loads it),
// not in the first view. Exits 1 when a budget is exceeded.
// Options: --no-build (measure the existing dist/), --json (print the figures as JSON, for `npm run bench`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const BUDGETS = { entry: 16_000, firstView: 32_000, step: 15_000, journey: 72_000 };

/** The modules the first view loads besides the entry (each with its static imports). */
const FIRST_VIEW = [
  "widget/src/flow/session-moves.ts",
  "widget/src/auth/sandbox-auth.ts",
  "widget/src/steps/sign-in/sign-in-step.ts",
];

/** Dynamic imports a sandbox journey never follows. */
const NOT_IN_SANDBOX = [
  /^widget\/src\/auth\/crossmint-/,
  /^widget\/src\/wallet\/crossmint-/,
  /^widget\/src\/wallet\/eip1193-/,
  /^node_modules\/@crossmint\//,
  // The sandbox wallet's passkey prompts and device key, and the withdraw step's device signer panel:
  // loaded only when the Worker's signer mode is `passkey` or `device`; a journey signs in one mode,
  // and the default is `email`.
  /^widget\/src\/wallet\/(passkey-approvals|sandbox-device)\.ts$/,
  /^widget\/src\/steps\/withdraw\/withdraw-device\.ts$/,
  // Adding test funds: only a Worker in a staging environment offers it (never production, nor the local
  // sandbox), and the action loads on its first click.
  /^widget\/src\/steps\/deposit\/test-funds\.ts$/,
  // Sentences and panels for configuration mistakes: loaded only by a page that is set up wrong.
  /^widget\/src\/config\/problem-messages/,
  /^widget\/src\/frame\/problems\.ts$/,
  // The partner's own texts (the `messages` property or attribute): loaded only by a page that sets them.
  /^widget\/src\/i18n\/overrides\.ts$/,
  // Other languages' strings (the element's and each step's `*.messages.<lang>.ts`): a journey shows one language.
  /^widget\/src\/.*messages\.(?!en\.)[a-z]{2}(-[A-Z]{2})?\.ts$/,
];
const STEP_SOURCE = /^widget\/src\/steps\/([a-z-]+)\/\1-step\.ts$/;

function sizeOf(dist, file) {
  const bytes = readFileSync(join(dist, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Every figure, from Vite's manifest of a build in `dist`. */
export function measure(dist = "dist") {
  const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
  const chunks = Object.entries(manifest).map(([key, c]) => ({ key, ...c, ...sizeOf(dist, c.file) }));
  const byKey = new Map(chunks.map((c) => [c.key, c]));
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error("the manifest has no entry chunk");

  const closure = (start, followDynamic) => {
    const seen = new Set();
    const visit = (key) => {
      if (seen.has(key)) return;
      const chunk = byKey.get(key);
      if (!chunk) return;
      if (seen.size && chunk.isDynamicEntry && NOT_IN_SANDBOX.some((re) => re.test(chunk.src ?? key))) return;
      seen.add(key);
      for (const k of chunk.imports ?? []) visit(k);
      if (followDynamic) for (const k of chunk.dynamicImports ?? []) visit(k);
    };
    visit(start);
    return [...seen].map((k) => byKey.get(k));
  };
  const total = (list) => list.reduce((sum, c) => ({ raw: sum.raw + c.raw, gzip: sum.gzip + c.gzip }), { raw: 0, gzip: 0 });

  const entryFiles = closure(entry.key, false);
  const firstViewFiles = [...new Set([entry.key, ...FIRST_VIEW].flatMap((key) => {
    if (!byKey.has(key)) throw new Error(`the manifest has no chunk for ${key} (the first view cannot be measured)`);
    return closure(key, false);
  }))];
  const steps = chunks
    .filter((c) => c.isDynamicEntry && STEP_SOURCE.test(c.src ?? ""))
    .map((c) => ({ step: STEP_SOURCE.exec(c.src)[1], file: c.file, raw: c.raw, gzip: c.gzip }))
    .sort((a, b) => a.step.localeCompare(b.step));
  const journeyFiles = closure(entry.key, true);
  const journeySet = new Set(journeyFiles.map((c) => c.file));
  return {
    entry: { file: entry.file, files: entryFiles.map((c) => c.file), ...total(entryFiles) },
    firstView: { files: firstViewFiles.map((c) => c.file), ...total(firstViewFiles) },
    steps,
    journey: { files: journeyFiles.map((c) => ({ file: c.file, raw: c.raw, gzip: c.gzip })), ...total(journeyFiles) },
    notInSandbox: chunks.filter((c) => !journeySet.has(c.file)).map((c) => ({ file: c.file, raw: c.raw, gzip: c.gzip })),
  };
}

/** The figures checked against the budgets: one line per check. */
export function check(figures) {
  return [
    { what: `entry ${figures.entry.files.join(" + ")}`, gzip: figures.entry.gzip, raw: figures.entry.raw, budget: BUDGETS.entry },
    { what: `first view (${figures.firstView.files.length} files)`, gzip: figures.firstView.gzip, raw: figures.firstView.raw, budget: BUDGETS.firstView },
    ...figures.steps.map((s) => ({ what: `step ${s.step} (${s.file})`, gzip: s.gzip, raw: s.raw, budget: BUDGETS.step })),
    { what: `sandbox journey (${figures.journey.files.length} files)`, gzip: figures.journey.gzip, raw: figures.journey.raw, budget: BUDGETS.journey },
  ].map((line) => ({ ...line, ok: line.gzip <= line.budget }));
}

const kb = (n) => `${(n / 1000).toFixed(2)} kB`;

async function main() {
  const args = new Set(process.argv.slice(2));
  if (!args.has("--no-build")) {
    const { build } = await import("vite");
    await build({ logLevel: "warn" });
  }
  const figures = measure("dist");
  const lines = check(figures);
  if (args.has("--json")) {
    console.log(JSON.stringify({ budgets: BUDGETS, ...figures, checks: lines }, null, 2));
  } else {
    const width = Math.max(...lines.map((l) => l.what.length), 40);
    console.log(`${"".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip -9".padStart(10)}  ${"budget".padStart(10)}`);
    for (const l of lines) {
      console.log(`${l.what.padEnd(width)}  ${kb(l.raw).padStart(10)}  ${kb(l.gzip).padStart(10)}  ${kb(l.budget).padStart(10)}  ${l.ok ? "ok" : "OVER"}`);
    }
    console.log("\nthe first view:");
    for (const f of figures.journey.files.filter((f) => figures.firstView.files.includes(f.file)).sort((a, b) => b.gzip - a.gzip)) {
      console.log(`  ${f.file.padEnd(width - 2)}  ${kb(f.raw).padStart(10)}  ${kb(f.gzip).padStart(10)}`);
    }
    console.log("\nloaded by a sandbox journey:");
    for (const f of [...figures.journey.files].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${f.file.padEnd(width - 2)}  ${kb(f.raw).padStart(10)}  ${kb(f.gzip).padStart(10)}`);
    const other = figures.notInSandbox.reduce((sum, f) => sum + f.gzip, 0);
    console.log(`\nnever loaded in the sandbox (Crossmint SDKs and adapters, EIP-1193 adapter, other languages): ${figures.notInSandbox.length} files, ${kb(other)} gzip`);
  }
  const over = lines.filter((l) => !l.ok);
  if (over.length) {
    console.error(`\nover budget: ${over.map((l) => l.what).join("; ")}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
