/**
 * Starts a local anvil node from the `@foundry-rs/anvil` npm package, for the sandbox and for tests.
 *
 * The platform binary is spawned directly (not the package's Node wrapper) so that stopping it kills
 * the node itself. Port 0 lets anvil pick a free port, which it reports on stdout; that is race-free
 * when several test files start nodes at once. The node's own output is swallowed (quiet to the caller).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { trackChild } from "./processes";

export interface StartAnvilOptions {
  /** 0 or omitted: any free port. */
  port?: number;
  /** Defaults to 31337 (anvil's own default). */
  chainId?: number;
  /** Milliseconds to wait for the node to answer JSON-RPC. Defaults to 15 s. */
  timeoutMs?: number;
}

export interface AnvilNode {
  rpcUrl: string;
  port: number;
  chainId: number;
  /** Stops the node (SIGTERM, then SIGKILL if it lingers). Safe to call twice. */
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
function anvilBinary(): string {
  const arch = ({ x64: "amd64", arm64: "arm64" } as Record<string, string>)[process.arch];
  const exe = process.platform === "win32" ? "anvil.exe" : "anvil";
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch ?? process.arch}`;
  try {
    const path = createRequire(import.meta.url).resolve(`${pkg}/bin/${exe}`);
    if (existsSync(path)) return path;
  } catch {
    // reported below
  }
  throw new Error(`anvil binary not found (looked for ${pkg}); run npm install`);
}

/**
 * @example
 * const anvil = await startAnvil();
 * try { ... createPublicClient({ transport: http(anvil.rpcUrl) }) ... } finally { await anvil.stop(); }
 */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<AnvilNode> {
  const chainId = options.chainId ?? 31337;
  const requestedPort = options.port ?? 0;
  const timeoutMs = options.timeoutMs ?? 15_000;
  // Not --quiet: anvil's "Listening on host:port" line is the only proof that *this* node bound the
  // port (with a fixed port, another node already there would answer JSON-RPC just the same), and
  // it carries the port anvil picked for port 0. Everything else it prints is discarded.
  const args = ["--host", HOST, "--port", String(requestedPort), "--chain-id", String(chainId)];

  const child = spawn(anvilBinary(), args, { stdio: ["ignore", "pipe", "pipe"] });
  const { exited, stop } = trackChild(child, 2_000);
  let stderr = "";
  child.once("error", (error) => {
    stderr += String(error); // e.g. the binary could not be executed
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  try {
    const port = await readListeningPort(child, exited, timeoutMs, () => stderr);
    child.stdout?.resume(); // keep draining so anvil never blocks on a full pipe
    const rpcUrl = `http://${HOST}:${port}`;
    await waitForRpc(rpcUrl, exited, timeoutMs, () => stderr);
    return { rpcUrl, port, chainId, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function readListeningPort(
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
  stderr: () => string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => finish(new Error(`anvil did not report its port within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-2000);
      const match = /Listening on [^\s:]+:(\d+)/.exec(seen);
      if (match?.[1]) finish(undefined, Number(match[1]));
    };
    const finish = (error?: Error, port?: number) => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      if (error) reject(error);
      else resolve(port!);
    };
    child.stdout?.on("data", onData);
    void exited.then((code) => finish(new Error(`anvil exited (code ${code}) before listening: ${stderr()}`)));
  });
}

async function waitForRpc(
  rpcUrl: string,
  exited: Promise<number | null>,
  timeoutMs: number,
  stderr: () => string,
): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`anvil exited before answering JSON-RPC: ${stderr()}`);
    try {
      const res = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (res.ok) return;
    } catch {
      // not accepting connections yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`anvil at ${rpcUrl} did not answer JSON-RPC within ${timeoutMs} ms`);
}
