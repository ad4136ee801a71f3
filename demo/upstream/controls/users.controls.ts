import { Hono } from "hono";
import type { SimulatorContext } from "../context";
import { balancesOf } from "../domain/balances";
import { depositReply } from "../domain/deposits";
import { setKycStatus } from "../domain/kyc";
import { notFound } from "../errors";
import { parseBody } from "../http/body";
import { reply } from "../http/reply";
import type { UserRecord } from "../state/records";
import { KycDecisionBody } from "./schemas";

/** What a tester's page needs to find a user and act on them. */
export function userView(ctx: SimulatorContext, user: UserRecord) {
  return {
    userId: user.userId,
    createdAt: user.createdAt,
    kycStatus: user.kyc.status,
    email: user.kyc.email,
    firstName: user.kyc.firstName,
    lastName: user.kyc.lastName,
    walletAddress: user.wallets.at(-1)?.address ?? null,
    wallets: user.wallets,
    agreementsAccepted: user.agreementsAcceptedAt !== null,
    collateral: user.collateral
      ? {
          address: user.collateral.proxyAddress,
          version: user.collateral.version,
          contractId: user.collateral.contractId,
          chainId: user.collateral.chainId,
        }
      : null,
    balances: balancesOf(ctx.store, user.userId),
  };
}

export function requireUser(ctx: SimulatorContext, userId: string): UserRecord {
  const user = ctx.store.user(userId);
  if (!user) throw notFound("user not found", "userId");
  return user;
}

export function userControls(ctx: SimulatorContext) {
  return new Hono()
    .get("/users", (c) => {
      const q = c.req.query("q")?.toLowerCase();
      const users = ctx.store
        .users()
        .filter((user) => !q || [user.userId, user.kyc.email ?? "", ...user.wallets.map((w) => w.address)].some((v) => v.toLowerCase().includes(q)));
      return reply(c, { users: users.map((user) => userView(ctx, user)) }, "sandbox users");
    })
    .get("/users/:userId", (c) => {
      const user = requireUser(ctx, c.req.param("userId"));
      const deposits = ctx.store.deposits(user.userId).reverse().map(depositReply);
      // Read-only, for tests that check how many withdrawals reached Machines (idempotency) and what became of them.
      const withdrawals = ctx.store.withdrawals(user.userId).map((w) => ({
        id: w.id,
        amountCents: w.request.amountCents,
        adminAddress: w.adminAddress,
        createdAt: new Date(w.createdAtMs).toISOString(),
        signed: w.signed !== null,
        executedTxHash: w.executedTxHash,
        superseded: w.supersededAtMs !== null,
      }));
      // The cards Machines holds for the user (no number, no CVC): tests check a retried create made one card.
      const cards = ctx.store.cards(user.userId).map((card) => ({
        cardId: card.cardId,
        last4: card.last4,
        status: card.status,
        createdAt: card.createdAt,
      }));
      return reply(c, { user: userView(ctx, user), deposits, withdrawals, cards }, "sandbox user");
    })
    .post("/users/:userId/kyc", async (c) => {
      const user = requireUser(ctx, c.req.param("userId"));
      const body = await parseBody(c, KycDecisionBody);
      setKycStatus(ctx, user, body.status, body.reason);
      return reply(c, { user: userView(ctx, user) }, `kyc ${body.status}`);
    });
}
