import type { Withdrawal } from "@machines-card/contract/api/withdrawals";

/**
 * A withdrawal as the Worker returns it, for tests that hand one to the withdraw step's parts without a
 * Worker: 5 USDC on Base to `0x11…11` from the wallet `0x22…22`, not prepared yet, with the fields given
 * on top. Typed against the contract, so a field the contract gains must be added here; `status` may be
 * one the contract does not know (a Worker in front of a changed Machines may report one).
 */
export function withdrawalFixture(fields: Partial<Omit<Withdrawal, "status">> & { status?: string } = {}): Withdrawal {
  const base = {
    id: "wd_0123456789",
    status: "ready",
    amountCents: 500,
    destination: { currency: "usdc", network: "base", address: `0x${"1".repeat(40)}`, extraId: null },
    retryAfterSeconds: null,
    execution: null,
    call: null,
    relay: null,
    adminAddress: `0x${"2".repeat(40)}`,
    submittedTxHash: null,
    submittedHashKind: null,
    confirmedTxHash: null,
    failureReason: null,
    createdAt: "2026-11-21T06:00:00.000Z",
    updatedAt: "2026-11-21T06:00:00.000Z",
  } satisfies Withdrawal;
  return { ...base, ...fields } as Withdrawal;
}
