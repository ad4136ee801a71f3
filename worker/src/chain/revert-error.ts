import { BaseError, ContractFunctionRevertedError, decodeErrorResult, ExecutionRevertedError, type Hex } from "viem";
import { withdrawalErrorsAbi } from "@machines-card/contract/abi";

/**
 * Reads a failed `eth_call` as a contract revert: `{ reason }` with the revert string (`"Expired signature"`,
 * as Rain's v1 controller reverts) or the name of a known custom error (`SaltUsed`, as the sandbox's v2
 * coordinator reverts), or null when the revert carries neither; undefined when the failure is not a
 * revert at all (the RPC failed), so the caller can rethrow it.
 */
export function asWithdrawalRevert(error: unknown): { reason: string | null } | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const decoded = error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null;
  if (decoded?.reason) return { reason: decoded.reason };
  const deepest = error.walk() as { data?: unknown } | null;
  const raw = deepest?.data;
  const data = typeof raw === "object" && raw !== null ? (raw as { data?: unknown }).data : raw;
  if (typeof data === "string" && /^0x[0-9a-fA-F]*$/.test(data)) return { reason: reasonOf(data as Hex) };
  if (error.walk((e) => e instanceof ExecutionRevertedError)) return { reason: null };
  return undefined;
}

/** `Error(string)` gives its message; a custom error of the withdrawal contracts its name. */
function reasonOf(data: Hex): string | null {
  if (data === "0x") return null;
  try {
    const decoded = decodeErrorResult({ abi: withdrawalErrorsAbi, data }) as { errorName: string; args?: readonly unknown[] };
    if (decoded.errorName === "Error") return String(decoded.args?.[0] ?? "") || null;
    return decoded.errorName;
  } catch {
    return null;
  }
}
