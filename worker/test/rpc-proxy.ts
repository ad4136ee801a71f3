/**
 * A JSON-RPC proxy in front of the sandbox's anvil (Node side, started by the global setup) that behaves
 * like the RPC providers the Worker meets in production, as its path says:
 *
 *   <url>/max-range/<n>            eth_getLogs over more than n blocks → -32602 "block range too large"
 *   <url>/fail/<hash>,<hash>…      any request naming one of these hashes → -32603 "internal error"
 *   <url>/max-range/5/fail/0x…     both
 *
 * Everything else is forwarded unchanged. Stateless, so test files running in parallel can share it.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

interface Rules {
  maxRange: bigint | null;
  failOn: string[];
}

function rulesOf(path: string): Rules {
  const parts = path.split("/").filter(Boolean);
  const rules: Rules = { maxRange: null, failOn: [] };
  for (let i = 0; i < parts.length; i += 2) {
    if (parts[i] === "max-range") rules.maxRange = BigInt(parts[i + 1]!);
    if (parts[i] === "fail") rules.failOn = parts[i + 1]!.toLowerCase().split(",");
  }
  return rules;
}

type Call = { jsonrpc: "2.0"; id: unknown; method: string; params?: unknown[] };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

export async function startRpcProxy(target: string): Promise<{ url: string; stop(): Promise<void> }> {
  const forward = async (call: Call) =>
    (await (await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(call) })).json()) as {
      result?: unknown;
    };
  const block = async (tag: unknown): Promise<bigint> => {
    if (typeof tag === "string" && tag.startsWith("0x")) return BigInt(tag);
    return BigInt((await forward({ jsonrpc: "2.0", id: 0, method: "eth_blockNumber" })).result as string);
  };

  async function answer(call: Call, rules: Rules): Promise<unknown> {
    const text = JSON.stringify(call.params ?? []).toLowerCase();
    if (rules.failOn.some((hash) => hash && text.includes(hash))) {
      return { jsonrpc: "2.0", id: call.id, error: { code: -32603, message: "internal error" } };
    }
    if (call.method === "eth_getLogs" && rules.maxRange !== null) {
      const filter = (call.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
      const span = (await block(filter.toBlock ?? "latest")) - (await block(filter.fromBlock ?? "latest")) + 1n;
      if (span > rules.maxRange) {
        return { jsonrpc: "2.0", id: call.id, error: { code: -32602, message: `block range too large: ${span} blocks, the limit is ${rules.maxRange}` } };
      }
    }
    return forward(call);
  }

  const server = createServer(async (req, res) => {
    try {
      const body = JSON.parse(await readBody(req)) as Call | Call[];
      const rules = rulesOf(req.url ?? "/");
      const reply = Array.isArray(body) ? await Promise.all(body.map((c) => answer(c, rules))) : await answer(body, rules);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
