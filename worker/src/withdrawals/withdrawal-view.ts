import type { Withdrawal } from "@machines-card/contract/api/withdrawals";
import type { WithdrawalRecord } from "./withdrawal-record";

/**
 * A withdrawal as the Worker's API shows it (`shared/api/withdrawals.ts`). Only what the user may see:
 * no idempotency key, request fingerprint, lease, executor signature or admin salt.
 */
export function withdrawalView(record: WithdrawalRecord, nowMs: number): Withdrawal {
  const { execution, parameters: p, status } = record;
  // Rejected rows are never read out (queries filter them); a bug if one gets here.
  if (status === "rejected") throw new Error("a rejected withdrawal has no view");
  return {
    id: record.id,
    status,
    amountCents: record.amountCents,
    destination: { ...record.destination },
    retryAfterSeconds: record.status === "pending" ? retryAfter(record, nowMs) : null,
    execution: execution
      ? {
          callPath: execution.callPath,
          callTarget: execution.callTarget,
          chainId: execution.chainId,
          collateralProxyAddress: execution.collateralProxyAddress,
          contractVersion: execution.contractVersion,
        }
      : null,
    call: p
      ? { tokenAddress: p.asset, amountNative: p.amount.toString(), tokenDecimals: record.assetDecimals, recipient: p.recipient, expiresAt: p.expiresAt }
      : null,
    relay: record.relay ? { ...record.relay } : null,
    adminAddress: record.adminAddress,
    submittedTxHash: record.submittedTxHash,
    submittedHashKind: record.submittedHashKind,
    confirmedTxHash: record.confirmedTxHash,
    failureReason: record.failureReason,
    createdAt: new Date(record.createdAtMs).toISOString(),
    updatedAt: new Date(record.updatedAtMs).toISOString(),
  };
}

/** Seconds until it is worth asking again: Machines' own delay, or a second while our call is in flight. */
function retryAfter(record: WithdrawalRecord, nowMs: number): number {
  if (record.nextAttemptAtMs === null) return 1;
  return Math.max(1, Math.ceil((record.nextAttemptAtMs - nowMs) / 1000));
}
