import { Hono } from "hono";
import {
  EVM_ADDRESS_PATTERN,
  isLegacyWithdrawalBody,
  machinesApi,
  upgradeLegacyWithdrawal,
  type WithdrawalCreateLegacyRequest,
  type WithdrawalCreateRequest,
} from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { filterAssets, SOURCE, sourceToken, withdrawalDestinations } from "../domain/assets";
import { ensureCollateral } from "../domain/collateral";
import { requireAgreements } from "../domain/gates";
import { checkAmountInRange, checkSource, requireDestination, withdrawalEstimate, withdrawalRange } from "../domain/withdrawal-quotes";
import { withdrawalReply } from "../domain/withdrawal-reply";
import {
  advanceWithdrawal,
  createWithdrawal,
  findOpenWithdrawal,
  resolveAdminAddress,
  withdrawalFingerprint,
} from "../domain/withdrawals";
import { invalidRequest, missingContract } from "../errors";
import type { ApiEnv } from "../http/env";
import { idempotentCreate } from "../http/idempotency";
import { serve } from "../http/serve";

/** Withdrawals: quotes with `deposits.read`, create with `withdrawals.write`, pending then ready. */
export function withdrawalRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  serve(app, ctx, machinesApi.listWithdrawalAssets, (_c, { query }) => {
    const token = sourceToken(ctx);
    const otherSource =
      (query.sourceChainId !== undefined && Number(query.sourceChainId) !== token.chainId) ||
      (query.sourceTokenAddress !== undefined && query.sourceTokenAddress.toLowerCase() !== token.tokenAddress.toLowerCase());
    const assets = otherSource ? [] : withdrawalDestinations(ctx).map((destination) => destination.asset);
    return { data: { assets: filterAssets(assets, query.q, query.limit) }, summary: "withdrawal assets" };
  });
  serve(app, ctx, machinesApi.getWithdrawalRange, async (_c, request) => {
    const body = await request.body();
    checkSource(ctx, body.source);
    const destination = requireDestination(ctx, body.destination.currency, body.destination.network);
    return { data: { range: withdrawalRange(destination) }, summary: "withdrawal range" };
  });
  serve(app, ctx, machinesApi.estimateWithdrawal, async (_c, request) => {
    const body = await request.body();
    checkSource(ctx, body.source);
    const destination = requireDestination(ctx, body.destination.currency, body.destination.network);
    checkAmountInRange(body.amountCents);
    return { data: { estimate: withdrawalEstimate(destination, body.amountCents, body.destination.extraId) }, summary: "withdrawal estimate" };
  });
  serve(app, ctx, machinesApi.createWithdrawal, async (c, { body: readBody, idempotencyKey: key }) => {
    const user = c.get("user");
    requireAgreements(user);
    const body = await readBody();
    const request = isLegacyWithdrawalBody(body)
      ? upgradeLegacyWithdrawal(body as WithdrawalCreateLegacyRequest, SOURCE)
      : (body as WithdrawalCreateRequest);
    const destination = requireDestination(ctx, request.destination.currency, request.destination.network);
    if (!EVM_ADDRESS_PATTERN.test(request.destination.address)) {
      throw invalidRequest("destination.address must be an EVM address", "destination.address");
    }
    checkAmountInRange(request.amountCents);
    let collateral;
    try {
      collateral = await ensureCollateral(ctx, user);
    } catch {
      collateral = null;
    }
    if (!collateral) throw missingContract();
    checkSource(ctx, request.source, collateral.contractId);
    const adminAddress = await resolveAdminAddress(ctx, user, collateral, request.adminAddress);
    const fingerprint = withdrawalFingerprint(user.userId, request, adminAddress);

    let created = false;
    const { value: record } = await idempotentCreate(ctx, {
      userId: user.userId,
      method: "POST",
      path: "/withdrawals",
      key,
      body: { ...request, adminAddress },
      // A fresh key for a withdrawal that is still open reaches that same withdrawal.
      create: async () => {
        const open = findOpenWithdrawal(ctx, user.userId, fingerprint);
        if (open) return open.id;
        created = true;
        return (await createWithdrawal(ctx, { user, collateral, request, adminAddress, fingerprint, destination })).id;
      },
      load: (id) => ctx.store.withdrawal(id)!,
    });
    // The request that created it always answers `pending`; later ones see the current state.
    if (!created) await advanceWithdrawal(ctx, record);
    return { data: await withdrawalReply(ctx, record), summary: "withdrawal signature" };
  });
  return app;
}
