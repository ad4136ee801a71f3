import type { Address, Hash } from "viem";
import type { SimulatorContext } from "../context";
import { unitsPerCent } from "./assets";
import { receiveCollateral } from "./deposits";
import { creditCollateral } from "./ledger";
import { observeCollateralOutflow } from "./withdrawals";

export interface ObservedTransfer {
  from: Address;
  to: Address;
  amount: bigint;
  txHash: Hash;
  blockNumber: bigint;
}

/**
 * Applies one test-dollar transfer: into a collateral it funds the user's awaiting deposit (or credits
 * them directly); out of a collateral it lowers their credit and marks the withdrawal it paid.
 */
export function applyTransfer(ctx: SimulatorContext, transfer: ObservedTransfer): void {
  const cents = Number(transfer.amount / unitsPerCent(ctx));
  const receiver = ctx.store.userByCollateral(transfer.to);
  const sender = ctx.store.userByCollateral(transfer.from);
  if (receiver && receiver !== sender && cents > 0) {
    const deposit = receiveCollateral(ctx, receiver, cents, transfer.txHash);
    ctx.log.info("collateral funded", { userId: receiver.userId, cents, depositId: deposit?.id ?? null });
  }
  if (sender && sender !== receiver) {
    if (cents > 0) creditCollateral(ctx, sender, -cents);
    observeCollateralOutflow(ctx, sender, { to: transfer.to, amount: transfer.amount, txHash: transfer.txHash });
  }
  const last = ctx.store.lastTransferBlock;
  if (last === null || transfer.blockNumber > last) ctx.store.lastTransferBlock = transfer.blockNumber;
}

/** Watches the chain from the block after the last one applied (no gap across a restart with saved state). */
export function watchCollaterals(ctx: SimulatorContext): () => void {
  if (!ctx.chain) return () => {};
  const last = ctx.store.lastTransferBlock;
  return ctx.chain.watchTokenTransfers((transfer) => applyTransfer(ctx, transfer), {
    fromBlock: last === null ? undefined : last + 1n,
    onError: (error) => ctx.log.warn("transfer watch failed; retrying", { error: String(error) }),
  });
}
