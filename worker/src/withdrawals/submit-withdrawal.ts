import { decodeFunctionData, type Hash, type Hex, isAddressEqual } from "viem";
import { controllerV1Abi, coordinatorV2Abi } from "../../../shared/abi";
import type { ChainClient } from "../chain/chain-client";
import { getWithdrawalReceipt } from "../chain/get-withdrawal-receipt";
import { getWithdrawalTransaction } from "../chain/get-withdrawal-transaction";
import { AppError } from "../errors";
import { planWithdrawalCall } from "./execution";
import { problemError } from "./problem-error";
import { reconcileWithdrawal } from "./reconcile-withdrawal";
import type { WithdrawalRecord } from "./withdrawal-record";
import { recordSubmission } from "./withdrawal-chain.queries";
import { findWithdrawal } from "./withdrawals.queries";

export interface SubmitDeps {
  db: D1Database;
  chain: ChainClient;
  chainId: number;
  now: () => number;
}

/**
 * Records the hash of the transaction the user's wallet sent for their ready withdrawal, then looks
 * at the chain once (it may already be mined). When the node knows the transaction it must go from
 * the user's wallet to the call target and carry this withdrawal's executor salt, unless its receipt
 * shows it executed this withdrawal anyway (a smart wallet's bundle). When the chain cannot be asked,
 * the hash is recorded regardless: a sent transaction is never lost, and reconciliation checks it.
 *
 * @throws AppError `invalid_state` (not ready, or another hash already submitted), `invalid_request`
 *   (`txHash` is not this withdrawal's transaction).
 */
export async function submitWithdrawal(deps: SubmitDeps, record: WithdrawalRecord, txHash: Hash): Promise<WithdrawalRecord> {
  const hash = txHash.toLowerCase() as Hash;
  // The same hash again (a retried request) gets the withdrawal as it now is, whatever the chain made of it.
  if (record.submittedTxHash === hash || record.confirmedTxHash === hash) return record;
  if (record.status !== "ready") {
    throw new AppError("invalid_state", `the withdrawal is ${record.status}; a transaction can only be submitted for a ready withdrawal`);
  }
  // Only a withdrawal this Worker can prepare (EVM, on its chain) can have a transaction it can reconcile.
  const plan = planWithdrawalCall(record.execution, record.parameters!, deps.chainId);
  if (!plan.ok) throw problemError(plan.problem);
  await checkTransaction(deps, record, hash);
  const submitted = await recordSubmission(deps.db, record.id, deps.now(), hash);
  if (!submitted) {
    const now = await findWithdrawal(deps.db, record.partnerUserId, record.id);
    if (now && (now.submittedTxHash === hash || now.confirmedTxHash === hash)) return now;
    throw new AppError("invalid_state", `the withdrawal is ${now?.status ?? "gone"}; another transaction was recorded for it`);
  }
  try {
    return await reconcileWithdrawal(deps, submitted);
  } catch (error) {
    // Recorded; reading the chain failed. The next read or cron run reconciles it.
    if (isChainDown(error)) return submitted;
    throw error;
  }
}

async function checkTransaction(deps: SubmitDeps, record: WithdrawalRecord, hash: Hash): Promise<void> {
  const p = record.parameters!;
  const callTarget = record.execution?.callTarget;
  if (!callTarget) return;
  let tx: Awaited<ReturnType<typeof getWithdrawalTransaction>>;
  try {
    tx = await getWithdrawalTransaction(deps.chain, { hash });
  } catch (error) {
    if (isChainDown(error)) return; // record it, reconcile later
    throw error;
  }
  if (!tx) return; // not propagated yet (or a smart-wallet operation hash): reconciliation decides
  const direct =
    tx.to !== null && isAddressEqual(tx.to, callTarget) && isAddressEqual(tx.from, record.adminAddress) && saltOf(tx.input) === p.executorSalt;
  if (direct) return;
  const receipt = await getWithdrawalReceipt(deps.chain, { hash, callTarget, executorSalt: p.executorSalt }).catch((error: unknown) => {
    if (isChainDown(error)) return null;
    throw error;
  });
  if (receipt?.executedThisWithdrawal) return;
  throw new AppError(
    "invalid_request",
    `txHash is not this withdrawal's transaction: it must be sent from ${record.adminAddress} to ${callTarget} with the prepared data`,
    { field: "txHash" },
  );
}

function isChainDown(error: unknown): boolean {
  return error instanceof AppError && error.code === "chain_unavailable";
}

/** The executor salt (argument 5) of a `withdrawAsset` call, v1 or v2; null for any other calldata. */
function saltOf(input: Hex): Hex | null {
  for (const abi of [coordinatorV2Abi, controllerV1Abi]) {
    try {
      const { functionName, args } = decodeFunctionData({ abi, data: input });
      if (functionName === "withdrawAsset") return (args[5] as Hex).toLowerCase() as Hex;
    } catch {
      // not this ABI
    }
  }
  return null;
}
