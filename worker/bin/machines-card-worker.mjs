#!/usr/bin/env node
// machines-card-worker: `init <dir>` writes a deployable project; `preflight --url <worker>` asks a deployed
// (or local) Worker's GET /v1/preflight and prints each check. Plain Node, no dependencies.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const own = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8"));
/** The wrangler the scaffold asks for: the one this package was built and tested with. */
const WRANGLER_VERSION = "^4.164.0";

const USAGE = `Usage:
  machines-card-worker init <dir> [--name <worker-name>] [--force]
  machines-card-worker preflight --url <worker-url> [--token <PREFLIGHT_TOKEN>] [--sample-token <jwt>] [--contract <0x...>]... [--json]
      (the token may come from the PREFLIGHT_TOKEN environment variable instead)`;

function fail(message, code = 2) {
  console.error(`machines-card-worker: ${message}`);
  process.exit(code);
}

/** Template file name → name in the project (npm drops dotfiles named .gitignore from packages). */
const RENAMES = { gitignore: ".gitignore", "dev.vars.example": ".dev.vars.example" };

function init(args) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { name: { type: "string" }, force: { type: "boolean" } } });
  const dir = positionals[0];
  if (!dir) fail(`init needs a directory\n${USAGE}`);
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0 && !values.force) fail(`${target} is not empty (--force writes into it anyway)`);
  const name = values.name ?? basename(target).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") ?? "machines-card";
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) fail(`--name must be a Worker name (lower-case letters, digits, dashes): ${JSON.stringify(name)}`);
  const fill = (text) =>
    text.replaceAll("{{name}}", name).replaceAll("{{version}}", `^${own.version}`).replaceAll("{{wranglerVersion}}", WRANGLER_VERSION);
  const template = join(packageRoot, "template");
  const written = [];
  const copy = (from, to) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const source = join(from, entry.name);
      const dest = join(to, RENAMES[entry.name] ?? entry.name);
      if (entry.isDirectory()) {
        mkdirSync(dest, { recursive: true });
        copy(source, dest);
      } else {
        writeFileSync(dest, fill(readFileSync(source, "utf8")));
        written.push(dest);
      }
    }
  };
  mkdirSync(target, { recursive: true });
  copy(template, target);
  // The D1 migrations, copied so `wrangler d1 migrations apply` finds them beside wrangler.jsonc.
  cpSync(join(packageRoot, "migrations"), join(target, "migrations"), { recursive: true });
  console.log(`Wrote ${written.length} files and migrations/ to ${target}. Next:
  cd ${dir} && npm install
  fill every <...> in wrangler.jsonc, copy .dev.vars.example to .dev.vars
  npx wrangler d1 create ${name}-staging   (its id goes in env.staging)
  npx wrangler secret put MACHINES_PARTNER_KEY --env staging   (and CROSSMINT_SERVER_KEY, DATA_ENCRYPTION_KEY, PREFLIGHT_TOKEN)
  npm run deploy:staging && npx machines-card-worker preflight --url <your staging Worker URL>`);
}

async function preflight(args) {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: "string" },
      token: { type: "string" },
      "sample-token": { type: "string" },
      contract: { type: "string", multiple: true },
      json: { type: "boolean" },
    },
  });
  if (!values.url) fail(`preflight needs --url\n${USAGE}`);
  const token = values.token ?? process.env.PREFLIGHT_TOKEN;
  if (!token) fail("preflight needs the Worker's PREFLIGHT_TOKEN (--token, or the PREFLIGHT_TOKEN environment variable)");
  const url = new URL("/v1/preflight", values.url);
  for (const address of values.contract ?? []) url.searchParams.append("contract", address);
  const headers = { Authorization: `Bearer ${token}`, Accept: "application/json" };
  if (values["sample-token"]) headers["X-Sample-Token"] = values["sample-token"];
  let res;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  } catch (e) {
    fail(`${url.origin} did not answer (${e.cause?.code ?? e.message}): is the Worker deployed (or wrangler dev running)?`, 1);
  }
  const body = await res.json().catch(() => null);
  if (values.json) console.log(JSON.stringify(body, null, 2));
  if (res.status === 404) fail("the Worker has no /v1/preflight: set its PREFLIGHT_TOKEN secret (wrangler secret put PREFLIGHT_TOKEN --env <env>)", 1);
  if (res.status === 401) fail("the Worker refused the token: pass the PREFLIGHT_TOKEN secret it was given", 1);
  if (!body?.ok) {
    // A setting the Worker cannot even parse: the envelope names each one.
    console.error(`✗ The Worker refuses its settings (HTTP ${res.status}):`);
    for (const e of body?.errors ?? []) console.error(`  ✗ ${e.field ?? e.code}: ${e.message}`);
    process.exit(1);
  }
  if (!values.json) {
    console.log(`Preflight of ${url.origin} (${body.data.environment})`);
    for (const c of body.data.checks) {
      console.log(`${c.ok ? "✓" : "✗"} ${c.check.padEnd(16)} ${c.setting.padEnd(22)} ${c.detail}`);
      if (!c.ok) console.log(`  ${"".padEnd(16)} fix: ${c.fix}`);
    }
    console.log(body.summary);
  }
  process.exit(body.data.ok ? 0 : 1);
}

const [command, ...rest] = process.argv.slice(2);
if (command === "init") init(rest);
else if (command === "preflight") await preflight(rest);
else if (command === "--help" || command === "-h" || command === "help") console.log(USAGE);
else fail(`unknown command ${JSON.stringify(command ?? "")}\n${USAGE}`);
