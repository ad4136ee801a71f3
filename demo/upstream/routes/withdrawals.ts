import { Hono } from "hono";
import {
  isLegacyWithdrawalBody,
  upgradeLegacyWithdrawal,
  WithdrawalAssetsQuery,
  WithdrawalCreateLegacyRequest,
  WithdrawalCreateRequest,
  WithdrawalEstimateRequest,
  WithdrawalRangeRequest,
} from "../../../shared/machines";
import { EVM_ADDRESS_PATTERN } from "../../../shared/machines";
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
import { sessionAuth } from "../http/auth";
import { parseBody, parseQuery, parseWith, readJson } from "../http/body";
import type { ApiEnv } from "../http/env";
import { idempotencyKeyOf, idempotentCreate } from "../http/idempotency";
import { reply } from "../http/reply";

/** Withdrawals: quotes with `deposits.read`, create with `withdrawals.write`, pending then ready. */
export function withdrawalRoutes(ctx: SimulatorContext) {
  return new Hono<ApiEnv>()
    .get("/withdrawals/assets", sessionAuth(ctx, "deposits.read"), (c) => {
      const query = parseQuery(c, WithdrawalAssetsQuery);
      const token = sourceToken(ctx);
      const otherSource =
        (query.sourceChainId !== undefined && Number(query.sourceChainId) !== token.chainId) ||
        (query.sourceTokenAddress !== undefined && query.sourceTokenAddress.toLowerCase() !== token.tokenAddress.toLowerCase());
      const assets = otherSource ? [] : withdrawalDestinations(ctx).map((destination) => destination.asset);
      return reply(c, { assets: filterAssets(assets, query.q, query.limit) }, "withdrawal assets");
    })
    .post("/withdrawals/range", sessionAuth(ctx, "deposits.read"), async (c) => {
      const body = await parseBody(c, WithdrawalRangeRequest);
      checkSource(ctx, body.source);
      const destination = requireDestination(ctx, body.destination.currency, body.destination.network);
      return reply(c, { range: withdrawalRange(destination) }, "withdrawal range");
    })
    .post("/withdrawals/estimate", sessionAuth(ctx, "deposits.read"), async (c) => {
      const body = await parseBody(c, WithdrawalEstimateRequest);
      checkSource(ctx, body.source);
      const destination = requireDestination(ctx, body.destination.currency, body.destination.network);
      checkAmountInRange(body.amountCents);
      return reply(c, { estimate: withdrawalEstimate(destination, body.amountCents, body.destination.extraId) }, "withdrawal estimate");
    })
    .post("/withdrawals", sessionAuth(ctx, "withdrawals.write"), async (c) => {
      const key = idempotencyKeyOf(c);
      const user = c.get("user");
      requireAgreements(user);
      const raw = await readJson(c);
      const request = isLegacyWithdrawalBody(raw)
        ? upgradeLegacyWithdrawal(parseWith(WithdrawalCreateLegacyRequest, raw), SOURCE)
        : parseWith(WithdrawalCreateRequest, raw);

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
      return reply(c, await withdrawalReply(ctx, record), "withdrawal signature");
    });
}
