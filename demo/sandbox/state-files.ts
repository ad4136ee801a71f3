import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SandboxDeployment } from "../chain/sandbox-chain";
import type { SimulatorState } from "../upstream";

// The sandbox's resumable state, one JSON file per part, written atomically (temp file + rename)
// so a Ctrl-C mid-write never leaves a torn file behind.

function readJson<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return undefined; // a damaged file means a clean start for that part, not a crash
  }
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(value));
  renameSync(`${path}.tmp`, path);
}

export const loadDeployment = (dir: string) => readJson<SandboxDeployment>(join(dir, "deployment.json"));
export const saveDeployment = (dir: string, d: SandboxDeployment) => writeJson(join(dir, "deployment.json"), d);
export const loadSimulatorState = (dir: string) => readJson<SimulatorState>(join(dir, "machines.json"));
export const saveSimulatorState = (dir: string, s: SimulatorState) => writeJson(join(dir, "machines.json"), s);

/** The chain, as anvil's own state dump (`anvil_dumpState`), so a restart resumes with the same contracts and balances. */
export async function saveChainState(dir: string, rpcUrl: string): Promise<void> {
  const dump = await rpc<string>(rpcUrl, "anvil_dumpState", []);
  writeJson(join(dir, "anvil-state.json"), { dump });
}

export async function loadChainState(dir: string, rpcUrl: string): Promise<boolean> {
  const saved = readJson<{ dump: string }>(join(dir, "anvil-state.json"));
  if (!saved?.dump) return false;
  return rpc<boolean>(rpcUrl, "anvil_loadState", [saved.dump]);
}

async function rpc<T>(rpcUrl: string, method: string, params: unknown[]): Promise<T> {
  const res = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}
