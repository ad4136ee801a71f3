import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { startAnvil } from "./anvil";

async function chainIdAt(rpcUrl: string): Promise<number> {
  const res = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
  });
  return Number(((await res.json()) as { result: string }).result);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe("startAnvil", () => {
  it("starts nodes side by side on free ports, answering JSON-RPC with their chain id", async () => {
    const [a, b] = await Promise.all([startAnvil(), startAnvil({ chainId: 84532 })]);
    try {
      expect(a.port).not.toBe(b.port);
      expect(a.rpcUrl).toBe(`http://127.0.0.1:${a.port}`);
      expect(await chainIdAt(a.rpcUrl)).toBe(31337);
      expect(await chainIdAt(b.rpcUrl)).toBe(84532);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("listens on a requested port", async () => {
    const port = await freePort();
    const node = await startAnvil({ port });
    try {
      expect(node.port).toBe(port);
      expect(await chainIdAt(`http://127.0.0.1:${port}`)).toBe(31337);
    } finally {
      await node.stop();
    }
  });

  it("stops the node for good (the port no longer answers) and tolerates a second stop", async () => {
    const node = await startAnvil();
    await node.stop();
    await expect(chainIdAt(node.rpcUrl)).rejects.toThrow();
    await node.stop();
  });

  it("fails clearly when the port is taken", async () => {
    const node = await startAnvil();
    try {
      await expect(startAnvil({ port: node.port, timeoutMs: 5_000 })).rejects.toThrow(/anvil exited/);
    } finally {
      await node.stop();
    }
  });
});
