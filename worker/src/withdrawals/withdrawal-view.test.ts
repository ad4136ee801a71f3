import { describe, expect, it } from "vitest";
import { Withdrawal } from "@machines-card/contract/api/withdrawals";
import type { WithdrawalRecord } from "./withdrawal-record";
import { withdrawalView } from "./withdrawal-view";

const T0 = 1_800_000_000_000;
const base: WithdrawalRecord = {
  id: "wd_0123456789abcdef",
  partnerUserId: "user-1",
  idempotencyKey: "secret-ish-key-1",
  requestFingerprint: "f",
  upstreamRequest: "{}",
  amountCents: 500,
  destination: { currency: "rusd", network: "base", address: "0x3333333333333333333333333333333333333333", extraId: null },
  adminAddress: "0x9999999999999999999999999999999999999999",
  status: "pending",
  rejection: null,
  upstreamReplied: true,
  upstreamAttempts: 1,
  retryAfterSeconds: 2,
  nextAttemptAtMs: T0 + 1500,
  leaseId: null,
  leaseUntilMs: null,
  execution: null,
  relay: null,
  parameters: null,
  readyBlock: null,
  assetDecimals: 6,
  adminSalt: null,
  adminNonce: null,
  adminSaltIssuedAtMs: null,
  submittedTxHash: null,
  submittedHashKind: null,
  submittedInTxHash: null,
  submittedAtMs: null,
  confirmedTxHash: null,
  confirmedLogIndex: null,
  confirmedUserOpHash: null,
  confirmedBlock: null,
  confirmedAtMs: null,
  failureReason: null,
  lastReconciledAtMs: null,
  logsSearchedToBlock: null,
  reconcileError: null,
  reconcileFailures: 0,
  nextReconcileAtMs: null,
  createdAtMs: T0,
  updatedAtMs: T0 + 10,
};

describe("withdrawalView", () => {
  it("shows a pending withdrawal with the seconds left before asking again, in the contract's shape", () => {
    const view = withdrawalView(base, T0);
    expect(Withdrawal.safeParse(view).success).toBe(true);
    expect(view).toMatchObject({ status: "pending", retryAfterSeconds: 2, execution: null, call: null, createdAt: new Date(T0).toISOString() });
    expect(withdrawalView({ ...base, nextAttemptAtMs: null }, T0).retryAfterSeconds).toBe(1);
  });

  it("shows what the signed call will do once ready, and never the key, salts or signatures", () => {
    const view = withdrawalView(
      {
        ...base,
        status: "ready",
        execution: {
          callPath: "coordinator_v2",
          callTarget: "0x5555555555555555555555555555555555555555",
          chainId: 31337,
          collateralProxyAddress: "0x1111111111111111111111111111111111111111",
          contractVersion: 2,
          contractId: "c-1",
        },
        parameters: {
          collateralProxy: "0x1111111111111111111111111111111111111111",
          asset: "0x2222222222222222222222222222222222222222",
          amount: 2n ** 64n,
          recipient: "0x3333333333333333333333333333333333333333",
          expiresAt: T0 / 1000 + 600,
          executorSalt: `0x${"ee".repeat(32)}`,
          executorSignature: `0x${"ab".repeat(65)}`,
        },
        adminSalt: `0x${"5a".repeat(32)}`,
      },
      T0,
    );
    expect(Withdrawal.safeParse(view).success).toBe(true);
    expect(view.retryAfterSeconds).toBeNull();
    expect(view.call).toEqual({
      tokenAddress: "0x2222222222222222222222222222222222222222",
      amountNative: "18446744073709551616",
      tokenDecimals: 6,
      recipient: "0x3333333333333333333333333333333333333333",
      expiresAt: T0 / 1000 + 600,
    });
    const text = JSON.stringify(view);
    for (const secret of ["secret-ish-key-1", "ee".repeat(32), "ab".repeat(65), "5a".repeat(32)]) expect(text).not.toContain(secret);
  });
});
