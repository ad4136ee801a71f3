import { type Hash, isAddressEqual } from "viem";
import { readLatestBlock } from "../chain/read-latest-block";
import { AppError } from "../errors";
import { type ExpectedExecution, findExecutions, isAttemptAt } from "./execution-evidence";
import { planWithdrawalCall } from "./execution";
import { problemError } from "./problem-error";
import { type ReconcileDeps, reconcileWithdrawal } from "./reconcile-withdrawal";
import { resolveSubmittedHash, type ResolvedHash } from "./resolve-submitted-hash";
import type { WithdrawalRecord } from "./withdrawal-record";
import { recordSubmission } from "./withdrawal-chain.queries";
import { findWithdrawal } from "./withdrawals.queries";

export type SubmitDeps = ReconcileDeps;

/**
 * Records the hash the user's wallet reported for their withdrawal, then looks at the chain once (it may
 * already be mined). The hash may be a transaction's (an EOA's, or a bundle's) or a user operation's
 * (a smart account's SDK may return either); which one is stored. A hash the chain knows must be this
 * wallet's attempt at this withdrawal; one it does not know yet is recorded as a candidate: it never
 * blocks the withdrawal, a later hash replaces it, and reconciliation finds the execution in the logs
 * whatever hash was reported. When the chain cannot be asked, the hash is recorded regardless.
 *
 * @throws AppError `invalid_state` (not ready or submitted; or already confirmed by another transaction),
 *   `invalid_request` (`txHash` is a transaction or user operation that is not this withdrawal's).
 */
export async function submitWithdrawal(deps: SubmitDeps, record: WithdrawalRecord, txHash: Hash): Promise<WithdrawalRecord> {
  const hash = txHash.toLowerCase() as Hash;
  // The same hash again (a retried request) gets the withdrawal as it now is, whatever the chain made of it.
  const known = [record.submittedTxHash, record.submittedInTxHash, record.confirmedTxHash, record.confirmedUserOpHash];
  if (known.includes(hash)) return record.status === "submitted" ? reconcileQuietly(deps, record) : record;
  if (record.status !== "ready" && record.status !== "submitted") {
    throw new AppError("invalid_state", `the withdrawal is ${record.status}; a transaction can only be submitted for a ready withdrawal`);
  }
  // Only a withdrawal this Worker can prepare (EVM, on its chain) can have a transaction it can reconcile.
  const plan = planWithdrawalCall(record.execution, record.parameters!, deps.chainId);
  if (!plan.ok) throw problemError(plan.problem);
  const expected: ExpectedExecution = {
    callPath: plan.value.callPath,
    callTarget: plan.value.callTarget,
    parameters: record.parameters!,
    wallet: record.adminAddress,
    entryPoints: deps.entryPoints,
  };

  const resolved = await resolveQuietly(deps, record, hash);
  if (resolved?.facts && !belongsToWithdrawal(resolved, expected)) {
    throw new AppError(
      "invalid_request",
      `txHash is not this withdrawal's: it must be ${record.adminAddress}'s transaction or user operation calling ${plan.value.callTarget} with the prepared data`,
      { field: "txHash" },
    );
  }
  const submitted = await recordSubmission(deps.db, record.id, deps.now(), {
    hash,
    kind: resolved?.kind ?? null,
    inTxHash: resolved?.inTxHash ?? null,
  });
  if (!submitted) {
    const now = await findWithdrawal(deps.db, record.partnerUserId, record.id);
    if (now?.status === "confirmed" && known.concat([now.confirmedTxHash, now.confirmedUserOpHash]).includes(hash)) return now;
    throw new AppError("invalid_state", `the withdrawal is ${now?.status ?? "gone"}; a transaction can only be submitted for a ready withdrawal`);
  }
  return reconcileQuietly(deps, submitted);
}

/**
 * A known hash counts when it executed this withdrawal, or is the wallet's attempt at it (the salt in its
 * calldata, from the wallet or through an EntryPoint): pending, reverted or not, reconciliation decides.
 * A user operation must be the wallet's own.
 */
function belongsToWithdrawal(resolved: ResolvedHash, expected: ExpectedExecution): boolean {
  if (resolved.kind === "user_operation" && !(resolved.userOpSender && isAddressEqual(resolved.userOpSender, expected.wallet))) return false;
  const facts = resolved.facts!;
  return findExecutions(facts, expected).length > 0 || isAttemptAt(facts, expected);
}

/** What the chain says about the hash; null when the chain cannot be asked (the hash is recorded anyway). */
async function resolveQuietly(deps: SubmitDeps, record: WithdrawalRecord, hash: Hash): Promise<ResolvedHash | null> {
  try {
    const head = await readLatestBlock(deps.chain);
    return await resolveSubmittedHash(deps, record, hash, head);
  } catch (error) {
    if (isChainDown(error)) return null;
    throw error;
  }
}

/** Recorded; reading the chain failed: the next read or cron run reconciles it. */
async function reconcileQuietly(deps: SubmitDeps, record: WithdrawalRecord): Promise<WithdrawalRecord> {
  try {
    return await reconcileWithdrawal(deps, record);
  } catch (error) {
    if (isChainDown(error)) return record;
    throw error;
  }
}

function isChainDown(error: unknown): boolean {
  return error instanceof AppError && error.code === "chain_unavailable";
}
