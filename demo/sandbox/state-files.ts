import type { SandboxDeployment } from "../chain/sandbox-chain";
import type { SimulatorState } from "../upstream";
import { jsonFileStore } from "./json-file-store";

/**
 * The sandbox's resumable state in `dir`, one file per part (the identity issuer and the wallets
 * stand-in keep their own): where the contracts are, the chain itself (anvil's state dump), and the
 * Machines simulator's users, cards, deposits and withdrawals. One store per file, so saves of a file
 * never overlap.
 */
export function sandboxStateFiles(dir: string) {
  const chainDump = jsonFileStore<{ dump: string }>(dir, "anvil-state.json");
  return {
    deployment: jsonFileStore<SandboxDeployment>(dir, "deployment.json"),
    simulator: jsonFileStore<SimulatorState>(dir, "machines.json"),
    chain: {
      async save(rpcUrl: string): Promise<void> {
        await chainDump.save({ dump: await rpc<string>(rpcUrl, "anvil_dumpState", []) });
      },
      /** Loads the saved chain into a fresh anvil; false when there is none. */
      async load(rpcUrl: string): Promise<boolean> {
        const saved = await chainDump.load();
        if (!saved?.dump) return false;
        return rpc<boolean>(rpcUrl, "anvil_loadState", [saved.dump]);
      },
    },
  };
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
