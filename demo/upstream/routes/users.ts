import { Hono } from "hono";
import { machinesApi, type UserResolveData } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { linkUser, replyWallet } from "../domain/users";
import type { ApiEnv } from "../http/env";
import { serve } from "../http/serve";

/** `POST /users/resolve` (partner key): both documented body shapes; the same user keeps its `createdAt`. */
export function userRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  serve(app, ctx, machinesApi.resolveUser, async (_c, request) => {
    const body = await request.body();
    const example = "externalUserId" in body;
    let user;
    if ("externalUserId" in body) {
      user = await linkUser(ctx, { userId: body.externalUserId, wallet: body.wallet, walletField: "wallet.address" });
    } else {
      user = await linkUser(ctx, {
        userId: body.userId,
        wallet: { chain: "evm", address: body.walletAddress },
        label: body.walletLabel,
        walletField: "walletAddress",
      });
    }
    const wallet = replyWallet(user);
    const data: UserResolveData = {
      userId: user.userId,
      walletAddress: wallet?.address ?? null,
      kycStatus: user.kyc.status,
      createdAt: user.createdAt,
    };
    if (example) data.wallet = wallet;
    const kyc = user.kyc.status === "not_submitted" ? "kyc not started" : `kyc ${user.kyc.status.replace(/_/g, " ")}`;
    return { data, summary: `user linked; ${kyc}` };
  });
  return app;
}
