/**
 * Starts a real ERC-4337 bundler, Pimlico's alto (`@pimlico/alto`), as a child process in front of the
 * sandbox's anvil: smart accounts' user operations go through it into `EntryPoint.handleOps` bundles,
 * as they do on Base. Node only. alto is GPL-licensed and runs as its own process; nothing imports it.
 *
 * Flags that matter on a plain anvil:
 * - `--safe-mode false`: the ERC-7562 checks of safe mode need `debug_traceCall` with a JavaScript
 *   tracer, which anvil lacks. Every operation is still fully simulated against the EntryPoint
 *   (signature, prefund, execution) before it is accepted.
 * - alto deploys its simulation contracts through the CREATE2 deployer at start-up, paid by the utility
 *   key (once per chain; a saved chain keeps them).
 * - `--enable-debug-endpoints`: `debug_bundler_setBundlingMode` and `debug_bundler_sendBundleNow`, which
 *   the sandbox's bundling control uses to put several users' operations into one bundle.
 * - alto has no host flag and listens on 0.0.0.0; `bundler-loopback.mjs` (preloaded) keeps it on 127.0.0.1.
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Address, numberToHex, parseEther } from "viem";
import { privateKeyToAddress } from "viem/accounts";
import { SANDBOX_BUNDLER_EXECUTOR_PRIVATE_KEY, SANDBOX_BUNDLER_UTILITY_PRIVATE_KEY } from "./keys";
import { trackChild } from "./processes";

export type BundlingMode = "auto" | "manual";

export interface StartBundlerOptions {
  /** The anvil the bundler sends to (it funds the bundler's keys there with anvil_setBalance). */
  rpcUrl: string;
  entryPoint: Address;
  /** 0 or omitted: a free port. */
  port?: number;
  /** `auto` (default) bundles every 50–250 ms; `manual` holds operations until `flush()`. */
  mode?: BundlingMode;
  /** Milliseconds to wait until it answers. Defaults to 60 s (it loads ~400 modules). */
  timeoutMs?: number;
}

export interface BundlerNode {
  /** The ERC-4337 bundler JSON-RPC endpoint (`eth_sendUserOperation`, …). */
  url: string;
  port: number;
  /** `tx.from` of every bundle. */
  executorAddress: Address;
  mode(): BundlingMode;
  setMode(mode: BundlingMode): Promise<void>;
  /**
   * Bundles every held operation now: one `handleOps` transaction for as many as fit (several senders'
   * operations together), more only if they do not fit in one. Returns how many bundles it sent.
   */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
const here = dirname(fileURLToPath(import.meta.url));
const GAS_MONEY = numberToHex(parseEther("1000000"));

/** alto's CLI (the package exports only its library entry; the CLI sits beside it). */
function altoCli(): string {
  return join(dirname(createRequire(import.meta.url).resolve("@pimlico/alto")), "cli", "alto.js");
}

export async function startBundler(options: StartBundlerOptions): Promise<BundlerNode> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let mode: BundlingMode = options.mode ?? "auto";
  await Promise.all(
    [SANDBOX_BUNDLER_EXECUTOR_PRIVATE_KEY, SANDBOX_BUNDLER_UTILITY_PRIVATE_KEY].map((key) =>
      rpc(options.rpcUrl, "anvil_setBalance", [privateKeyToAddress(key), GAS_MONEY]),
    ),
  );
  // A port picked just before alto binds it can be taken meanwhile: then alto exits, and we try another.
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await freePort());
    try {
      return await launch({ ...options, port, mode, timeoutMs });
    } catch (error) {
      if (options.port || attempt >= 3 || !(error instanceof BundlerExitedError)) throw error;
    }
  }

  async function launch(o: StartBundlerOptions & { port: number; mode: BundlingMode; timeoutMs: number }): Promise<BundlerNode> {
    const args = [
      "--entrypoints", o.entryPoint,
      "--rpc-url", o.rpcUrl,
      "--executor-private-keys", SANDBOX_BUNDLER_EXECUTOR_PRIVATE_KEY,
      "--utility-private-key", SANDBOX_BUNDLER_UTILITY_PRIVATE_KEY,
      "--port", String(o.port),
      "--safe-mode", "false",
      "--bundle-mode", o.mode,
      "--min-bundle-interval", "50",
      "--max-bundle-interval", "250",
      "--enable-debug-endpoints", "true",
      // anvil mines on arrival: poll for receipts often.
      "--block-time", "250",
      "--log-level", "warn",
    ];
    const child = spawn(process.execPath, ["--import", join(here, "bundler-loopback.mjs"), altoCli(), ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      // alto reads ./.env and any ALTO_* variable as a flag: a neutral directory and a clean environment.
      cwd: here,
      env: bundlerEnvironment(),
    });
    const { exited, stop } = trackChild(child, 5_000);
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);

    const url = `http://${HOST}:${o.port}`;
    try {
      await waitUntilAnswering(url, exited, o.timeoutMs, () => output);
    } catch (error) {
      await stop();
      throw error;
    }
    return {
      url,
      port: o.port,
      executorAddress: privateKeyToAddress(SANDBOX_BUNDLER_EXECUTOR_PRIVATE_KEY),
      mode: () => mode,
      async setMode(next) {
        await rpc(url, "debug_bundler_setBundlingMode", [next]);
        mode = next;
      },
      async flush() {
        for (let bundles = 0; bundles < 100; bundles++) {
          try {
            await rpc(url, "debug_bundler_sendBundleNow", []);
          } catch (error) {
            if (/no userOps in mempool/i.test(String((error as Error).message))) return bundles;
            throw error;
          }
        }
        return 100;
      },
      stop,
    };
  }
}

function bundlerEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("ALTO_") && key !== "SENTRY_DSN" && key !== "NODE_OPTIONS") env[key] = value;
  }
  // Node's compile cache roughly halves alto's start-up after the first run.
  const cache = join(here, "..", "..", "node_modules", ".cache", "alto-compile-cache");
  try {
    mkdirSync(cache, { recursive: true });
    env.NODE_COMPILE_CACHE = cache;
  } catch {
    // read-only checkout: start without it
  }
  return env;
}

class BundlerExitedError extends Error {
  override name = "BundlerExitedError";
}

async function waitUntilAnswering(url: string, exited: Promise<number | null>, timeoutMs: number, output: () => string): Promise<void> {
  let code: number | null | undefined;
  void exited.then((c) => (code = c));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (code !== undefined) throw new BundlerExitedError(`the bundler exited (code ${code}) before answering: ${output()}`);
    try {
      await rpc(url, "eth_supportedEntryPoints", []);
      return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the bundler at ${url} did not answer within ${timeoutMs} ms: ${output()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}
