import { Hono } from "hono";
import {
  AssetsQuery,
  DEPOSIT_ACTIVE_STATUSES,
  DEPOSIT_ID_MIN_LENGTH,
  DepositCreateRequest,
  type DepositEstimateData,
  DepositEstimateRequest,
  type DepositRange,
  DepositRangeRequest,
  DepositsQuery,
} from "../../../shared/machines";
import type { SimulatorContext } from "../context";
import { DEPOSIT_LIMITS, depositAssets, filterAssets, isDepositAsset, SOURCE } from "../domain/assets";
import { ensureCollateral } from "../domain/collateral";
import { depositReply, newDeposit } from "../domain/deposits";
import { requireAgreements } from "../domain/gates";
import { invalidRequest, missingContract, notFound } from "../errors";
import { sessionAuth } from "../http/auth";
import { parseBody, parseQuery } from "../http/body";
import type { ApiEnv } from "../http/env";
import { idempotencyKeyOf, idempotentCreate } from "../http/idempotency";
import { reply } from "../http/reply";
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
  return new Hono<ApiEnv>()
    .get("/deposits/assets", sessionAuth(ctx), (c) => {
      const query = parseQuery(c, AssetsQuery);
      return reply(c, { assets: filterAssets(depositAssets(ctx), query.q, query.limit) }, "deposit assets");
    })
    .post("/deposits/range", sessionAuth(ctx), async (c) => {
      const body = await parseBody(c, DepositRangeRequest);
      requireAsset(body.currency, body.network);
      return reply(c, { range: await rangeFor(ctx, c.get("user"), body.currency, body.network) }, "deposit range");
    })
    .post("/deposits/estimate", sessionAuth(ctx), async (c) => {
      const body = await parseBody(c, DepositEstimateRequest);
      requireAsset(body.currency, body.network);
      const range = await rangeFor(ctx, c.get("user"), body.currency, body.network);
      // The test dollar is worth one dollar: crypto and USD amounts are the same number.
      const data: DepositEstimateData = {
        estimate: {
          ...range,
          quotedAmount: body.amount,
          quotedAmountCurrency: body.amountCurrency ?? "crypto",
          estimatedToAmount: body.amount,
          rateId: null,
        },
      };
      return reply(c, data, "deposit estimate");
    })
    .post("/deposits", sessionAuth(ctx), async (c) => {
      const key = idempotencyKeyOf(c);
      const user = c.get("user");
      requireAgreements(user);
      const body = await parseBody(c, DepositCreateRequest);
      requireAsset(body.currency, body.network);
      checkAmount(body.amount);
      const { value } = await idempotentCreate(ctx, {
        userId: user.userId,
        method: "POST",
        path: "/deposits",
        key,
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
      return reply(c, { deposit: value }, "deposit created");
    })
    .get("/deposits", sessionAuth(ctx), (c) => {
      const { scope = "active" } = parseQuery(c, DepositsQuery);
      const now = ctx.now();
      const deposits = ctx.store
        .deposits(c.get("user").userId)
        .reverse()
        .filter(
          (deposit) =>
            scope === "all" ||
            (DEPOSIT_ACTIVE_STATUSES as readonly string[]).includes(deposit.status) ||
            now - Date.parse(deposit.createdAt) < RECENT_MS,
        );
      return reply(c, { deposits: deposits.map(depositReply) }, "deposits");
    })
    .get("/deposits/:depositId", sessionAuth(ctx), (c) => {
      const depositId = c.req.param("depositId");
      if (depositId.length < DEPOSIT_ID_MIN_LENGTH) {
        throw invalidRequest(`depositId must be at least ${DEPOSIT_ID_MIN_LENGTH} characters`, "depositId");
      }
      const deposit = ctx.store.deposit(c.get("user").userId, depositId);
      if (!deposit) throw notFound("deposit not found", "depositId");
      return reply(c, { deposit: depositReply(deposit) }, "deposit");
    });
}
