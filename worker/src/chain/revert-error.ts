import { BaseError, decodeErrorResult, ExecutionRevertedError, type Hex } from "viem";
import { type WithdrawalErrorName, withdrawalErrorsAbi } from "../../../shared/abi";

/**
 * Reads a failed `eth_call` as a contract revert: `{ name }` with the withdrawal contracts' error name
 * (`Expired`, `SaltUsed`, `BadExecutorSignature`, …) or null when the revert carries no known error;
 * undefined when the failure is not a revert at all (the RPC failed), so the caller can rethrow it.
 */
export function asWithdrawalRevert(error: unknown): { name: WithdrawalErrorName | null } | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const deepest = error.walk() as { data?: unknown } | null;
  const raw = deepest?.data;
  const data = typeof raw === "object" && raw !== null ? (raw as { data?: unknown }).data : raw;
  if (typeof data === "string" && /^0x[0-9a-fA-F]*$/.test(data)) return { name: errorName(data as Hex) };
  if (error.walk((e) => e instanceof ExecutionRevertedError)) return { name: null };
  return undefined;
}

function errorName(data: Hex): WithdrawalErrorName | null {
  if (data === "0x") return null;
  try {
    return decodeErrorResult({ abi: withdrawalErrorsAbi, data }).errorName as WithdrawalErrorName;
  } catch {
    return null;
  }
}
