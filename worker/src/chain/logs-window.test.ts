import { InvalidParamsRpcError, LimitExceededRpcError, RpcRequestError } from "viem";
import { describe, expect, it } from "vitest";
import { isLogRangeTooWide, readLogsWindow } from "./logs-window";

/** A node that refuses more than `max` blocks per eth_getLogs, the way providers word it. */
function limitedNode(max: bigint, refuse: (span: bigint) => Error) {
  const asked: [bigint, bigint][] = [];
  const read = async (from: bigint, to: bigint) => {
    asked.push([from, to]);
    if (to - from + 1n > max) throw refuse(to - from + 1n);
    return [`${from}-${to}`];
  };
  return { asked, read };
}

const rpcError = (code: number, message: string) => new RpcRequestError({ body: {}, url: "http://rpc", error: { code, message } });

describe("readLogsWindow", () => {
  it("asks for at most maxBlocks and never past toBlock", async () => {
    const node = limitedNode(1000n, () => new Error("unreachable"));
    expect(await readLogsWindow({ fromBlock: 10n, toBlock: 5000n, maxBlocks: 100 }, node.read)).toEqual({ logs: ["10-109"], toBlock: 109n, maxBlocks: 100 });
    expect(await readLogsWindow({ fromBlock: 10n, toBlock: 20n, maxBlocks: 100 }, node.read)).toEqual({ logs: ["10-20"], toBlock: 20n, maxBlocks: 100 });
  });

  it("halves the range while the node says it is too wide, then reads", async () => {
    const node = limitedNode(30n, (span) => new InvalidParamsRpcError(rpcError(-32602, `block range too large: ${span} > 30`)));
    // The range the node took is what the next window asks for.
    expect(await readLogsWindow({ fromBlock: 0n, toBlock: 10_000n, maxBlocks: 200 }, node.read)).toEqual({ logs: ["0-24"], toBlock: 24n, maxBlocks: 25 });
    expect(node.asked.map(([from, to]) => to - from + 1n)).toEqual([200n, 100n, 50n, 25n]);
  });

  it("recognises the providers' wordings, and passes any other failure through at once", async () => {
    expect(isLogRangeTooWide(new LimitExceededRpcError(rpcError(-32005, "query returned more than 10000 results")))).toBe(true);
    expect(isLogRangeTooWide(rpcError(-32000, "query exceeds max block range 2000"))).toBe(true);
    expect(isLogRangeTooWide(rpcError(-32602, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range"))).toBe(true);
    expect(isLogRangeTooWide(rpcError(-32601, "the method eth_getLogs does not exist"))).toBe(false);
    expect(isLogRangeTooWide(new Error("range too large"))).toBe(false);

    const down = limitedNode(0n, () => rpcError(-32603, "internal error"));
    await expect(readLogsWindow({ fromBlock: 0n, toBlock: 100n, maxBlocks: 64 }, down.read)).rejects.toThrow(/internal error/);
    expect(down.asked).toHaveLength(1);
  });
});
