import { type Address, decodeEventLog, decodeFunctionData, type Hash, type Hex, isAddressEqual, type Log } from "viem";
import { entryPointEventsAbi, erc20Abi, handleOpsV06Abi, handleOpsV07Abi, withdrawalEventAbi } from "@machines-card/contract/abi";
import type { TransactionFacts } from "../chain/read-transaction-facts";
import type { WithdrawalCallParameters } from "./call-parameters";
import type { EvmCallPath } from "./execution";

/** What a transaction must show to have executed one withdrawal, from facts that hold on the real chain. */
export interface ExpectedExecution {
  callPath: EvmCallPath;
  callTarget: Address;
  parameters: WithdrawalCallParameters;
  /** The user's wallet (`adminAddress`): an EOA sending directly, or a smart account's user operation. */
  wallet: Address;
  /** EntryPoints whose `UserOperationEvent`s are trusted. */
  entryPoints: readonly Address[];
}

/** One execution of the withdrawal in a transaction: the log that proves it, and the user operation that ran it. */
export interface ExecutionMatch {
  /** v1: the controller's `Withdrawal` log; v2: the token's `Transfer` log. Unique per withdrawal with the hash. */
  logIndex: number;
  /** The user operation that executed it, when it came through an EntryPoint. */
  userOpHash: Hash | null;
}

/**
 * Every place in a mined transaction where this withdrawal was executed, checked only against public
 * facts (never a sandbox-only event):
 * - the receipt is successful;
 * - v1: the call target emitted Rain's `Withdrawal(collateral, asset, amount)` and the token emitted
 *   `Transfer(collateral → recipient, amount)`; v2: the token's `Transfer` (the coordinator's events are
 *   not public), which only the collateral's own call target can cause;
 * - it came from the user's wallet: inside a successful user operation whose `UserOperationEvent.sender`
 *   is the wallet (its logs between the previous `UserOperationEvent`/`BeforeExecution` of that EntryPoint
 *   and its own), or, with no user operations, a transaction sent by the wallet itself (for v2 also to
 *   the call target, so its execution is known to have reached it);
 * - the executor salt (`parameters[5]`) appears verbatim in the calldata (of that user operation when the
 *   bundle decodes as `handleOps`, else of the whole transaction): of two identical withdrawals, this
 *   tells which one ran.
 * The caller claims one match per withdrawal (transaction hash + log index), so two withdrawals in one
 * bundle are each confirmed once.
 */
export function findExecutions(tx: TransactionFacts, expected: ExpectedExecution): ExecutionMatch[] {
  if (!tx.receipt || tx.receipt.status !== "success") return [];
  return scopesOf(tx, expected).flatMap((scope) => {
    if (!containsBytes(scope.calldata, expected.parameters.executorSalt)) return [];
    return matchingLogs(scope.logs, expected).map((logIndex) => ({ logIndex, userOpHash: scope.userOpHash }));
  });
}

/** What a candidate transaction did when it did not execute the withdrawal. */
export type CandidateOutcome = "pending" | "reverted" | "operation_reverted" | "unrelated";

/**
 * `pending` (not mined), `reverted` (the transaction failed), `operation_reverted` (the wallet's user
 * operation in it failed; `userOpHash` narrows it to the submitted one) or `unrelated` (it did something else).
 */
export function candidateOutcome(tx: TransactionFacts, expected: ExpectedExecution, userOpHash: Hash | null): CandidateOutcome {
  if (!tx.receipt) return "pending";
  if (tx.receipt.status === "reverted") return "reverted";
  const failed = tx.receipt.logs.some((log) => {
    if (!expected.entryPoints.some((ep) => isAddressEqual(ep, log.address))) return false;
    const event = decodeEntryPointEvent(log);
    if (event?.eventName !== "UserOperationEvent") return false;
    const { sender, success, userOpHash: hash } = event.args;
    return !success && isAddressEqual(sender, expected.wallet) && (userOpHash === null || hash.toLowerCase() === userOpHash.toLowerCase());
  });
  return failed ? "operation_reverted" : "unrelated";
}

/**
 * Could this transaction be the wallet's attempt at this withdrawal, whatever became of it: it carries the
 * executor salt, and the wallet sent it (an EOA) or it went to a trusted EntryPoint (a bundle).
 */
export function isAttemptAt(tx: TransactionFacts, expected: ExpectedExecution): boolean {
  if (!containsBytes(tx.input, expected.parameters.executorSalt)) return false;
  if (isAddressEqual(tx.from, expected.wallet)) return true;
  return tx.to !== null && expected.entryPoints.some((ep) => isAddressEqual(ep, tx.to!));
}

/** A stretch of the receipt's logs that one actor caused, and the calldata that asked for it. */
interface Scope {
  logs: readonly Log[];
  calldata: Hex;
  userOpHash: Hash | null;
}

function scopesOf(tx: TransactionFacts, expected: ExpectedExecution): Scope[] {
  const logs = tx.receipt!.logs;
  const fromEntryPoint = (log: Log) => expected.entryPoints.some((ep) => isAddressEqual(ep, log.address));
  const boundaries = logs.flatMap((log, position) => {
    if (!fromEntryPoint(log)) return [];
    const event = decodeEntryPointEvent(log);
    return event ? [{ position, log, event }] : [];
  });
  const operations = boundaries.filter((b) => b.event.eventName === "UserOperationEvent");
  if (operations.length === 0) {
    const direct = isAddressEqual(tx.from, expected.wallet) && (expected.callPath === "controller_v1" || (tx.to !== null && isAddressEqual(tx.to, expected.callTarget)));
    return direct ? [{ logs, calldata: tx.input, userOpHash: null }] : [];
  }
  return operations.flatMap(({ position, log, event }) => {
    if (event.eventName !== "UserOperationEvent") return [];
    const { sender, success, nonce, userOpHash } = event.args;
    if (!success || !isAddressEqual(sender, expected.wallet)) return [];
    const previous = boundaries.filter((b) => b.position < position && isAddressEqual(b.log.address, log.address)).at(-1);
    const start = previous ? previous.position + 1 : 0;
    const calldata = operationCalldata(tx, log.address, sender, nonce) ?? tx.input;
    return [{ logs: logs.slice(start, position), calldata, userOpHash }];
  });
}

function decodeEntryPointEvent(log: Log) {
  try {
    return decodeEventLog({ abi: entryPointEventsAbi, data: log.data, topics: log.topics, strict: true });
  } catch {
    return null;
  }
}

/** The operation's own calldata, when the transaction is a `handleOps` call to that EntryPoint (v0.6 or v0.7). */
function operationCalldata(tx: TransactionFacts, entryPoint: Address, sender: Address, nonce: bigint): Hex | null {
  if (!tx.to || !isAddressEqual(tx.to, entryPoint)) return null;
  for (const abi of [handleOpsV07Abi, handleOpsV06Abi]) {
    try {
      const { args } = decodeFunctionData({ abi, data: tx.input });
      const op = args[0].find((o) => isAddressEqual(o.sender, sender) && o.nonce === nonce);
      if (op) return op.callData;
    } catch {
      // not this version's layout
    }
  }
  return null;
}

/** The log indexes that prove the withdrawal within one scope. */
function matchingLogs(logs: readonly Log[], expected: ExpectedExecution): number[] {
  const p = expected.parameters;
  const transfers = logs.filter((log) => {
    const transfer = isAddressEqual(log.address, p.asset) ? decodeTransfer(log) : null;
    return transfer !== null && isAddressEqual(transfer.from, p.collateralProxy) && isAddressEqual(transfer.to, p.recipient) && transfer.value === p.amount;
  });
  if (expected.callPath === "coordinator_v2") return transfers.map((log) => log.logIndex!);
  const withdrawals = logs.filter((log) => {
    const withdrawal = isAddressEqual(log.address, expected.callTarget) ? decodeWithdrawal(log) : null;
    return (
      withdrawal !== null &&
      isAddressEqual(withdrawal._collateralProxy, p.collateralProxy) &&
      isAddressEqual(withdrawal._asset, p.asset) &&
      withdrawal._amount === p.amount
    );
  });
  // Each Withdrawal needs a Transfer of its own (the event names no recipient, the Transfer does).
  return withdrawals.slice(0, transfers.length).map((log) => log.logIndex!);
}

function decodeTransfer(log: Log) {
  try {
    return decodeEventLog({ abi: erc20Abi, eventName: "Transfer", data: log.data, topics: log.topics, strict: true }).args;
  } catch {
    return null;
  }
}

function decodeWithdrawal(log: Log) {
  try {
    return decodeEventLog({ abi: withdrawalEventAbi, eventName: "Withdrawal", data: log.data, topics: log.topics, strict: true }).args;
  } catch {
    return null;
  }
}

/** True when `bytes` (32 bytes of hex) appears byte-aligned in `calldata`. */
export function containsBytes(calldata: Hex, bytes: Hex): boolean {
  const needle = bytes.slice(2).toLowerCase();
  const haystack = calldata.slice(2).toLowerCase();
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (at % 2 === 0) return true;
  }
  return false;
}
