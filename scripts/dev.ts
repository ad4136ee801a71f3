/**
 * `npm run dev`: the whole product, offline, with one command.
 *   1. the widget built into dist/ (then rebuilt on every change),
 *   2. the sandbox: anvil + contracts, Machines simulator, identity issuer, wallets stand-in, controls,
 *   3. the Worker under `wrangler dev` with a local D1 (migrations applied first),
 *   4. the demo site, a partner-like page using the widget by script tag.
 * State (chain, simulator, sign-ins, D1) is kept in .sandbox/ and .wrangler/state/, so the next run
 * resumes where this one stopped; `npm run dev -- --fresh` starts clean. Ctrl-C stops everything.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { simulatorOptionsFromEnv } from "../demo/upstream";
import { SANDBOX_DEFAULTS } from "../demo/sandbox/defaults";
import { startSandbox } from "../demo/sandbox/start";
import { startDemoSite } from "../demo/site/serve";
import { startWorker } from "./lib/wrangler-dev";

const WORKER_PORT = 8787;
const DEMO_PORT = Number(process.env.DEMO_PORT || 5173);
const SANDBOX_STATE = process.env.SANDBOX_STATE_DIR || ".sandbox";
const WORKER_STATE = ".wrangler/state";
const fresh = process.argv.includes("--fresh");
const stops: (() => Promise<void>)[] = [];
const vite = ["node_modules/vite/bin/vite.js", "build"];

function step(text: string) {
  console.info(`› ${text}`);
}

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: "inherit" });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function stopAll(code = 0): Promise<never> {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.info("\nstopping…");
    void stopAll(0);
  });
}

try {
  if (fresh) {
    step(`--fresh: forgetting ${SANDBOX_STATE}/ and ${WORKER_STATE}/`);
    rmSync(SANDBOX_STATE, { recursive: true, force: true });
    rmSync(WORKER_STATE, { recursive: true, force: true });
  }
  if (!existsSync(".dev.vars")) {
    copyFileSync(".dev.vars.example", ".dev.vars");
    step("created .dev.vars from .dev.vars.example (the sandbox's default secrets)");
  }

  step("building the widget (dist/)");
  if ((await run(vite)) !== 0) throw new Error("the widget build failed (see above)");
  const watcher: ChildProcess = spawn(process.execPath, [...vite, "--watch", "--logLevel", "warn"], { stdio: "inherit" });
  stops.push(async () => void watcher.kill("SIGTERM"));

  step("starting the sandbox (anvil, contracts, ERC-4337 bundler, Machines simulator, identity issuer, wallets)");
  const { partnerKey, ...simulator } = simulatorOptionsFromEnv(process.env);
  const sandbox = await startSandbox({ port: SANDBOX_DEFAULTS.port, anvilPort: SANDBOX_DEFAULTS.anvilPort, partnerKey, stateDir: SANDBOX_STATE, simulator });
  stops.push(() => sandbox.stop());

  step("starting the Worker (wrangler dev, local D1 with migrations applied)");
  const worker = await startWorker({ port: WORKER_PORT, persistTo: WORKER_STATE, timeoutMs: 120_000 });
  stops.push(() => worker.stop());

  const site = await startDemoSite({ port: DEMO_PORT, workerUrl: worker.url, sandboxUrl: sandbox.url });
  stops.push(() => site.stop());

  console.info(`
machines-card is running (sandbox: no network, no accounts needed)

  Demo site              ${site.url}/            ← open this
  Demo, other settings   ${site.url}/second.html
  Worker API             ${worker.url}   (${worker.url}/openapi.json)
  Sandbox tools          ${site.url}/sandbox/   (sign-in codes, KYC decisions, deposits, faucet, purchases)
  Sandbox JSON controls  ${sandbox.controlsUrl}
  Machines simulator     ${sandbox.partnerApiUrl}
  Identity issuer        ${sandbox.identity.issuer}
  Local chain (anvil)    ${sandbox.rpcUrl}   chain id ${sandbox.chainId}
  ERC-4337 bundler       ${sandbox.bundlerUrl}   (hold and flush bundles: ${sandbox.controlsUrl}/bundler)

Sign-in codes appear below (and on the demo page's sandbox panel). Ctrl-C stops everything;
the next \`npm run dev\` resumes, \`npm run dev -- --fresh\` starts clean.
`);
} catch (error) {
  console.error(`\nnpm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
