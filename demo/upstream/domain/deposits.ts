import type { Deposit } from "@machines-card/contract/machines";
import { isoAt, type SimulatorContext } from "../context";
import { ids } from "../crypto/encoding";
import type { CollateralRecord, DepositRecord, UserRecord } from "../state/records";
import { DEPOSIT_LIMITS } from "./assets";
import { creditCollateral } from "./ledger";

/**
 * Sandbox deposit lifecycle: `awaitingDeposit` → `processing` once test dollars reach the collateral
 * (detected on chain, or the manual control) → `completed` after the processing delay, which credits
 * the amount in cents.
 */

export function newDeposit(
  ctx: SimulatorContext,
  p: { user: UserRecord; collateral: CollateralRecord; currency: string; network: string; amount?: number },
): DepositRecord {
  const now = isoAt(ctx.now());
  return ctx.store.putDeposit({
    id: ids.cuid(),
    userId: p.user.userId,
    contractId: p.collateral.contractId,
    fromCurrency: p.currency.toLowerCase(),
    fromNetwork: p.network.toLowerCase(),
    depositAddress: p.collateral.proxyAddress,
    chainId: p.collateral.chainId,
    minAmount: DEPOSIT_LIMITS.minAmount,
    maxAmount: DEPOSIT_LIMITS.maxAmount,
    status: "awaitingDeposit",
    requestedAmount: p.amount ?? null,
    receivedAmountCents: null,
    txHash: null,
    processingSinceMs: null,
    createdAt: now,
    updatedAt: now,
  });
}

export function depositReply(deposit: DepositRecord): Deposit {
  return {
    id: deposit.id,
    contractId: deposit.contractId,
    changeNowId: null,
    fromCurrency: deposit.fromCurrency,
    fromNetwork: deposit.fromNetwork,
    depositAddress: deposit.depositAddress,
    payinExtraId: null,
    chainId: deposit.chainId,
    minAmount: deposit.minAmount,
    maxAmount: deposit.maxAmount,
    status: deposit.status,
    createdAt: deposit.createdAt,
    updatedAt: deposit.updatedAt,
  };
}

export const isOpenDeposit = (deposit: DepositRecord) => deposit.status === "awaitingDeposit";

/** Funds arrived for this deposit: `processing`, completing by itself after the configured delay. */
export function startProcessing(ctx: SimulatorContext, deposit: DepositRecord, cents: number, txHash: string | null): void {
  deposit.status = "processing";
  deposit.receivedAmountCents = cents;
  deposit.txHash = txHash;
  deposit.processingSinceMs = ctx.now();
  deposit.updatedAt = isoAt(ctx.now());
  if (ctx.settings.depositProcessingSeconds <= 0) completeDeposit(ctx, deposit);
}

export function completeDeposit(ctx: SimulatorContext, deposit: DepositRecord): void {
  const user = ctx.store.user(deposit.userId);
  deposit.status = "completed";
  deposit.processingSinceMs = null;
  deposit.updatedAt = isoAt(ctx.now());
  if (user && deposit.receivedAmountCents) creditCollateral(ctx, user, deposit.receivedAmountCents);
  ctx.log.info("deposit completed", { depositId: deposit.id, cents: deposit.receivedAmountCents });
}

/**
 * Test dollars reached a user's collateral: the oldest awaiting deposit takes them; with no open
 * deposit the collateral is credited straight away.
 */
export function receiveCollateral(ctx: SimulatorContext, user: UserRecord, cents: number, txHash: string | null): DepositRecord | null {
  const deposit = ctx.store.deposits(user.userId).find(isOpenDeposit);
  if (deposit) {
    startProcessing(ctx, deposit, cents, txHash);
    return deposit;
  }
  creditCollateral(ctx, user, cents);
  return null;
}
