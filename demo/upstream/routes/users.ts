import { Hono } from "hono";
import { isExampleShapedBody, UserResolveDocsRequest, UserResolveExampleRequest, type UserResolveData } from "../../../shared/machines";
import type { SimulatorContext } from "../context";
import { linkUser, replyWallet } from "../domain/users";
import { partnerAuth } from "../http/auth";
import { parseWith, readJson } from "../http/body";
import type { ApiEnv } from "../http/env";
import { reply } from "../http/reply";

/** `POST /users/resolve` (partner key): both documented body shapes; the same user keeps its `createdAt`. */
export function userRoutes(ctx: SimulatorContext) {
  return new Hono<ApiEnv>().post("/users/resolve", partnerAuth(ctx), async (c) => {
    const raw = await readJson(c);
    const example = isExampleShapedBody(raw);
    let user;
    if (example) {
      const body = parseWith(UserResolveExampleRequest, raw);
      user = await linkUser(ctx, { userId: body.externalUserId, wallet: body.wallet, walletField: "wallet.address" });
    } else {
      const body = parseWith(UserResolveDocsRequest, raw);
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
    return reply(c, data, `user linked; ${kyc}`);
  });
}
