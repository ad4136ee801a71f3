import { Hono } from "hono";
import { DEPOSIT_ACTIVE_STATUSES, type DepositRange, machinesApi } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { DEPOSIT_LIMITS, depositAssets, filterAssets, isDepositAsset, SOURCE } from "../domain/assets";
import { ensureCollateral } from "../domain/collateral";
import { depositReply, newDeposit } from "../domain/deposits";
import { requireAgreements } from "../domain/gates";
import { invalidRequest, missingContract, notFound } from "../errors";
import type { ApiEnv } from "../http/env";
import { idempotentCreate } from "../http/idempotency";
import { serve } from "../http/serve";
import type { UserRecord } from "../state/records";

/** Recent active deposits are those still moving, or created in the last day. */
const RECENT_MS = 24 * 60 * 60 * 1000;

function requireAsset(currency: string, network: string): void {
  if (!isDepositAsset(currency, network)) {
    throw notFound(`Asset not found: the sandbox accepts rusd on base (see /deposits/assets)`, "currency");
  }
}

async function requireCollateral(ctx: SimulatorContext, user: UserRecord) {
  try {
    const collateral = await ensureCollateral(ctx, user);
    if (collateral) return collateral;
  } catch (error) {
    ctx.log.warn("collateral provisioning failed", { userId: user.userId, error: String(error) });
  }
  throw missingContract();
}

function checkAmount(amount: number | undefined): void {
  const { minAmount, maxAmount } = DEPOSIT_LIMITS;
  if (amount !== undefined && amount < minAmount) throw invalidRequest(`amount must be at least ${minAmount}`, "amount");
  if (amount !== undefined && maxAmount !== null && amount > maxAmount) throw invalidRequest(`amount must be at most ${maxAmount}`, "amount");
}

async function rangeFor(ctx: SimulatorContext, user: UserRecord, currency: string, network: string): Promise<DepositRange> {
  const collateral = await requireCollateral(ctx, user);
  return {
    fromCurrency: currency.toLowerCase(),
    fromNetwork: network.toLowerCase(),
    toCurrency: SOURCE.currency,
    toNetwork: SOURCE.network,
    contractId: collateral.contractId,
    payoutAddress: collateral.proxyAddress,
    payoutChainId: collateral.chainId,
    minAmount: DEPOSIT_LIMITS.minAmount,
    maxAmount: DEPOSIT_LIMITS.maxAmount,
  };
}

/** Deposits: no extra scope; create is idempotent and gated on agreements. The address is the user's collateral. */
export function depositRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  // Static paths before `/deposits/:depositId`.
  serve(app, ctx, machinesApi.listDepositAssets, (_c, { query }) => ({
    data: { assets: filterAssets(depositAssets(ctx), query.q, query.limit) },
    summary: "deposit assets",
  }));
  serve(app, ctx, machinesApi.getDepositRange, async (c, request) => {
    const body = await request.body();
    requireAsset(body.currency, body.network);
    return { data: { range: await rangeFor(ctx, c.get("user"), body.currency, body.network) }, summary: "deposit range" };
  });
  serve(app, ctx, machinesApi.estimateDeposit, async (c, request) => {
    const body = await request.body();
    requireAsset(body.currency, body.network);
    const range = await rangeFor(ctx, c.get("user"), body.currency, body.network);
    // The test dollar is worth one dollar: crypto and USD amounts are the same number.
    const estimate = {
      ...range,
      quotedAmount: body.amount,
      quotedAmountCurrency: body.amountCurrency ?? ("crypto" as const),
      estimatedToAmount: body.amount,
      rateId: null,
    };
    return { data: { estimate }, summary: "deposit estimate" };
  });
  serve(app, ctx, machinesApi.createDeposit, async (c, request) => {
    const user = c.get("user");
    requireAgreements(user);
    const body = await request.body();
    requireAsset(body.currency, body.network);
    checkAmount(body.amount);
    const { value } = await idempotentCreate(ctx, {
      userId: user.userId,
      method: "POST",
      path: "/deposits",
      key: request.idempotencyKey,
      body,
      create: async () => {
        if (ctx.settings.missingContractOnce && !user.missingContractServed) {
          user.missingContractServed = true;
          throw missingContract();
        }
        const collateral = await requireCollateral(ctx, user);
        return newDeposit(ctx, { user, collateral, currency: body.currency, network: body.network, amount: body.amount }).id;
      },
      load: (id) => depositReply(ctx.store.deposit(user.userId, id)!),
    });
    return { data: { deposit: value }, summary: "deposit created" };
  });
  serve(app, ctx, machinesApi.listDeposits, (c, { query }) => {
    const scope = query.scope ?? "active";
    const now = ctx.now();
    const deposits = ctx.store
      .deposits(c.get("user").userId)
      .filter(
        (deposit) =>
          scope === "all" ||
          (DEPOSIT_ACTIVE_STATUSES as readonly string[]).includes(deposit.status) ||
          now - Date.parse(deposit.createdAt) < RECENT_MS,
      );
    return { data: { deposits: deposits.map(depositReply) }, summary: "deposits" };
  });
  serve(app, ctx, machinesApi.getDeposit, (c, { params }) => {
    const deposit = ctx.store.deposit(c.get("user").userId, params.depositId);
    if (!deposit) throw notFound("deposit not found", "depositId");
    return { data: { deposit: depositReply(deposit) }, summary: "deposit" };
  });
  return app;
}
