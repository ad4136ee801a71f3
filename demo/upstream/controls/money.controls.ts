import { Hono } from "hono";
import type { Address } from "viem";
import type { SimulatorContext } from "../context";
import { unitsPerCent } from "../domain/assets";
import { balancesOf } from "../domain/balances";
import { ensureCollateral } from "../domain/collateral";
import { completeDeposit, depositReply, receiveCollateral, startProcessing } from "../domain/deposits";
import { postSpend, recordSpend } from "../domain/ledger";
import { chainUnavailable, invalidState, machinesError, notFound } from "../errors";
import { parseBody } from "../http/body";
import { reply } from "../http/reply";
import { transactionReply } from "../routes/transactions";
import { CompleteDepositBody, FaucetBody, PurchaseBody } from "./schemas";
import { requireUser } from "./users.controls";

const DEFAULT_DEPOSIT_CENTS = 100_00;
const DEFAULT_FAUCET_CENTS = 1_000_00;

/** Money movements a tester triggers: complete a deposit, fund a collateral, record a card purchase. */
export function moneyControls(ctx: SimulatorContext) {
  return new Hono()
    .post("/deposits/:depositId/complete", async (c) => {
      const deposit = ctx.store.anyDeposit(c.req.param("depositId"));
      if (!deposit) throw notFound("deposit not found", "depositId");
      const body = await parseBody(c, CompleteDepositBody);
      if (deposit.status === "awaitingDeposit") {
        // Bookkeeping only: credit rises, but no tokens reach the collateral (use the faucet for that).
        const cents = body.amountCents ?? (deposit.requestedAmount ? Math.round(deposit.requestedAmount * 100) : DEFAULT_DEPOSIT_CENTS);
        startProcessing(ctx, deposit, cents, null);
      }
      if (deposit.status === "processing") completeDeposit(ctx, deposit);
      else if (deposit.status !== "completed") throw invalidState(`deposit is ${deposit.status}`);
      return reply(c, { deposit: depositReply(deposit), balances: balancesOf(ctx.store, deposit.userId) }, "deposit completed");
    })
    .post("/faucet", async (c) => {
      const body = await parseBody(c, FaucetBody);
      const user = requireUser(ctx, body.userId);
      const cents = body.amountCents ?? DEFAULT_FAUCET_CENTS;
      const collateral = await ensureCollateral(ctx, user).catch((error: unknown) => {
        throw chainUnavailable(`could not provision the collateral: ${String(error)}`);
      });
      if (!collateral) throw machinesError(409, "wallet_missing_for_chain", "the user has no EVM wallet, so no collateral to fund", "userId");
      if (!ctx.chain) {
        // No chain: credit as if the transfer had been seen.
        receiveCollateral(ctx, user, cents, null);
        return reply(c, { txHash: null, collateralAddress: collateral.proxyAddress, amountCents: cents }, "collateral funded");
      }
      const txHash = await ctx.chain
        .mintToken({ to: collateral.proxyAddress as Address, amount: BigInt(cents) * unitsPerCent(ctx) })
        .catch((error: unknown) => {
          throw chainUnavailable(`mint failed: ${String(error)}`);
        });
      // The transfer watcher credits the user (and moves an awaiting deposit) when it sees this mint.
      return reply(c, { txHash, collateralAddress: collateral.proxyAddress, amountCents: cents }, "collateral funded");
    })
    .post("/purchases", async (c) => {
      const body = await parseBody(c, PurchaseBody);
      const card = ctx.store.anyCard(body.cardId);
      if (!card) throw notFound("card not found", "cardId");
      if (card.status !== "active") throw invalidState(`card is ${card.status}; the purchase is declined`);
      if (card.limit?.frequency === "perAuthorization" && body.amountCents > card.limit.amountCents) {
        throw machinesError(422, "limit_exceeded", `amount is above the card's per-authorization limit of ${card.limit.amountCents} cents`, "amountCents");
      }
      const { spendingPower } = balancesOf(ctx.store, card.userId);
      if (body.amountCents > spendingPower) {
        throw machinesError(422, "insufficient_funds", `amount is above the spending power of ${spendingPower} cents`, "amountCents");
      }
      const transaction = recordSpend(ctx, {
        userId: card.userId,
        cardId: card.cardId,
        amountCents: body.amountCents,
        merchantName: body.merchantName ?? "Sandbox Merchant",
        posted: body.posted ?? false,
      });
      return reply(c, { transaction: transactionReply(transaction), balances: balancesOf(ctx.store, card.userId) }, "purchase recorded");
    })
    .post("/transactions/:transactionId/post", (c) => {
      const transaction = ctx.store.transaction(c.req.param("transactionId"));
      if (!transaction) throw notFound("transaction not found", "transactionId");
      postSpend(transaction);
      return reply(c, { transaction: transactionReply(transaction), balances: balancesOf(ctx.store, transaction.userId) }, "transaction posted");
    });
}
