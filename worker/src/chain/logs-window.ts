import { BaseError, LimitExceededRpcError } from "viem";

/**
 * Wording RPC providers use when `eth_getLogs` asks for too many blocks or results ("block range too
 * large", "query exceeds max block range 2000", "Log response size exceeded", "query returned more than
 * 10000 results", "eth_getLogs is limited to a 10,000 range").
 */
const TOO_WIDE = /range|too (many|large|big|wide)|exceed|limit|more than/i;

/** True when the node refused an `eth_getLogs` because of its range or result size (worth a narrower retry). */
export function isLogRangeTooWide(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  if (error.walk((e) => e instanceof LimitExceededRpcError)) return true;
  return Boolean(
    error.walk((e) => {
      const code = (e as { code?: unknown }).code;
      const rpcError = typeof code === "number" && code <= -32000 && code >= -32768;
      return rpcError && TOO_WIDE.test(`${(e as BaseError).details ?? ""} ${(e as BaseError).shortMessage ?? ""}`);
    }),
  );
}

/** One window of a log search: where it ended, and what it found. */
export interface LogsWindow<T> {
  logs: T[];
  /** The last block this window covered. */
  toBlock: bigint;
  /** The widest range the node accepted: ask the next window for no more. */
  maxBlocks: number;
}

/**
 * Reads the logs from `fromBlock` up to at most `maxBlocks` blocks (never past `toBlock`). A node that
 * refuses the range as too wide is asked for half of it, then half again, down to a single block; any
 * other failure is thrown as it is.
 */
export async function readLogsWindow<T>(
  p: { fromBlock: bigint; toBlock: bigint; maxBlocks: number },
  read: (fromBlock: bigint, toBlock: bigint) => Promise<T[]>,
): Promise<LogsWindow<T>> {
  const span = p.toBlock - p.fromBlock + 1n;
  let allowed = BigInt(Math.max(1, p.maxBlocks));
  for (;;) {
    const size = allowed < span ? allowed : span;
    const toBlock = p.fromBlock + size - 1n;
    try {
      return { logs: await read(p.fromBlock, toBlock), toBlock, maxBlocks: Number(allowed) };
    } catch (error) {
      if (size > 1n && isLogRangeTooWide(error)) {
        allowed = size / 2n;
        continue;
      }
      throw error;
    }
  }
}
