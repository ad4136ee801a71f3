import type { Settings } from "../settings/settings";
import { failed, passed, reach, type PreflightCheck } from "./preflight";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** One JSON-RPC call; `undefined` when the RPC did not answer with a result. */
async function rpc(s: Settings, method: string, params: unknown[]): Promise<unknown> {
  const res = await reach(
    s.chain.rpcUrl,
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) },
    s.machines.timeoutMs,
  );
  const body = res?.ok ? await res.json().catch(() => null) : null;
  return (body as { result?: unknown } | null)?.result;
}

/** The chain the RPC serves; null when it did not answer. */
export async function servedChainId(s: Settings): Promise<number | null> {
  const result = await rpc(s, "eth_chainId", []);
  return typeof result === "string" && /^0x[0-9a-f]+$/i.test(result) ? Number.parseInt(result, 16) : null;
}

/** The RPC answers, on the chain CHAIN_ID names (the URL itself is never quoted: provider keys live in it). */
export async function checkChain(s: Settings): Promise<PreflightCheck[]> {
  const result = await rpc(s, "eth_chainId", []);
  if (typeof result !== "string" || !/^0x[0-9a-f]+$/i.test(result)) {
    return [failed("chain", "CHAIN_RPC_URL", "The chain RPC did not answer eth_chainId", "Set CHAIN_RPC_URL to a JSON-RPC endpoint of Base Sepolia (staging) or Base (production): wrangler secret put CHAIN_RPC_URL --env <env> if it holds a provider key")];
  }
  const id = Number.parseInt(result, 16);
  if (id !== s.chain.id) {
    return [failed("chain", "CHAIN_ID", `The RPC serves chain ${id}, but CHAIN_ID is ${s.chain.id}`, `Use an RPC of chain ${s.chain.id} (84532 Base Sepolia, 8453 Base), or set CHAIN_ID to ${id} if that is the chain Machines keeps your collateral on`)];
  }
  return [passed("chain", "CHAIN_ID", `The chain RPC answers with chain ${id}`)];
}

/** The code at an address: null when there is none, undefined when the RPC did not answer. */
export async function codeAt(s: Settings, address: string): Promise<string | null | undefined> {
  const code = await rpc(s, "eth_getCode", [address, "latest"]);
  if (typeof code !== "string") return undefined;
  return code === "0x" || code === "0x0" ? null : code;
}

/** Every contract CHAIN_CONTRACTS (and the caller) names has code on the configured chain. */
export async function checkContracts(s: Settings, configured: string | undefined, extra: readonly string[]): Promise<PreflightCheck[]> {
  const named = [...(configured ?? "").split(","), ...extra].map((a) => a.trim()).filter(Boolean);
  if (named.length === 0) return [passed("contracts", "CHAIN_CONTRACTS", "No contracts named (CHAIN_CONTRACTS is unset)")];
  const results: PreflightCheck[] = [];
  for (const address of new Set(named)) {
    if (!ADDRESS.test(address)) {
      results.push(failed("contracts", "CHAIN_CONTRACTS", `${JSON.stringify(address.slice(0, 60))} is not an address`, "CHAIN_CONTRACTS is a comma-separated list of 0x addresses"));
      continue;
    }
    const code = await codeAt(s, address);
    if (code === undefined) {
      results.push(failed("contracts", "CHAIN_RPC_URL", `The chain RPC did not answer eth_getCode for ${address}`, "Fix the chain check first"));
    } else if (code === null) {
      results.push(failed("contracts", "CHAIN_CONTRACTS", `${address} has no code on chain ${s.chain.id}`, "Name the collateral controller Machines gives for this chain, or fix CHAIN_ID/CHAIN_RPC_URL if the contract lives on another chain"));
    } else {
      results.push(passed("contracts", "CHAIN_CONTRACTS", `${address} has code on chain ${s.chain.id}`));
    }
  }
  return results;
}
