#!/usr/bin/env node
// `npm pack` / `npm publish` in widget/ run this first (`prepack`): builds everything the package ships
// into widget/dist from the repository's sources.
//   dist/machines-card.js, dist/element.js, dist/chunks/   the npm build (Lit is a peer; widget/vite.package.ts)
//   dist/cdn/machines-card.js, dist/cdn/chunks/            the self-contained script-tag build (Lit inside)
//   dist/types/ + dist/machines-card.d.ts, dist/element.d.ts   declarations
//   dist/custom-elements.json                              the manifest
//   dist/frameworks/                                       React, Vue and Svelte typings from the manifest
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkDeclarations, fixDeclarations } from "./declarations.mjs";
import { writeFrameworkTypes } from "./framework-types.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = join(repo, "widget", "dist");
const bin = (name) => join(repo, "node_modules", ".bin", name);
const run = (name, args) => execFileSync(bin(name), args, { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });

rmSync(dist, { recursive: true, force: true });
run("vite", ["build", "--config", "widget/vite.package.ts", "--logLevel", "warn"]);
run("vite", ["build", "--outDir", "widget/dist/cdn", "--logLevel", "warn"]);
// The script-tag build's manifest and type stub are for this repository's tools, not for a CDN.
rmSync(join(dist, "cdn", ".vite"), { recursive: true, force: true });
rmSync(join(dist, "cdn", "machines-card.d.ts"), { force: true });
run("tsc", ["-p", "widget/tsconfig.types.json", "--outDir", "widget/dist/types"]);
writeFileSync(
  join(dist, "machines-card.d.ts"),
  '// The main entry: registers <machines-card> (HTMLElementTagNameMap) and exports the element and its events.\nexport * from "./types/widget/src/register.js";\nimport "./types/widget/src/define.js";\n',
);
writeFileSync(join(dist, "element.d.ts"), '// The ./element entry: the element and its events, nothing registered.\nexport * from "./types/widget/src/index.js";\n');
fixDeclarations(join(dist, "types"));
checkDeclarations([join(dist, "machines-card.d.ts"), join(dist, "element.d.ts")]);
run("cem", ["analyze", "--config", "custom-elements-manifest.config.mjs", "--outdir", "widget/dist"]);
writeFrameworkTypes(join(dist, "custom-elements.json"), join(dist, "frameworks"));
