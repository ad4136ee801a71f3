import { Hono } from "hono";
import {
  isExampleShapedBody,
  KYC_SCOPES,
  machinesApi,
  type Scope,
  SESSION_TTL_SECONDS,
  type SessionCreateDocsRequest,
  type SessionCreateExampleRequest,
  type SessionData,
} from "@machines-card/contract/machines";
import { isoAt, type SimulatorContext } from "../context";
import { ids } from "../crypto/encoding";
import { isKycApproved } from "../domain/kyc";
import { linkUser, replyWallet } from "../domain/users";
import { kycRequired } from "../errors";
import type { ApiEnv } from "../http/env";
import { serve } from "../http/serve";

interface SessionRequest {
  userId: string;
  wallet: { chain: "evm" | "solana"; address: string };
  walletField: string;
  scopes: Scope[];
  ttlSeconds?: number;
  sessionLabel?: string;
}

const fromDocsBody = (body: SessionCreateDocsRequest): SessionRequest => ({
  ...body,
  wallet: { chain: "evm", address: body.walletAddress },
  walletField: "walletAddress",
});

const fromExampleBody = (body: SessionCreateExampleRequest): SessionRequest => ({
  ...body,
  userId: body.externalUserId,
  walletField: "wallet.address",
});

/** `POST /sessions` (partner key): both documented body shapes; creates the user if it was never resolved. */
export function sessionRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  serve(app, ctx, machinesApi.createSession, async (_c, request) => {
    const parsed = await request.body();
    const example = isExampleShapedBody(parsed);
    const body = example ? fromExampleBody(parsed as SessionCreateExampleRequest) : fromDocsBody(parsed as SessionCreateDocsRequest);

    const user = await linkUser(ctx, { userId: body.userId, wallet: body.wallet, walletField: body.walletField });
    const scopes = [...new Set(body.scopes)];
    if (!isKycApproved(user) && scopes.some((scope) => !(KYC_SCOPES as readonly string[]).includes(scope))) throw kycRequired();

    // Whole seconds: issue time rounded down plus the TTL (the quickstart's `…:52.000Z`).
    const issuedAtSeconds = Math.floor(ctx.now() / 1000);
    const expiresAtSeconds = issuedAtSeconds + (body.ttlSeconds ?? SESSION_TTL_SECONDS.default);
    const sessionId = ids.uuid();
    ctx.store.putSession({
      sessionId,
      userId: user.userId,
      scopes,
      label: body.sessionLabel ?? null,
      createdAt: isoAt(ctx.now()),
      expiresAtMs: expiresAtSeconds * 1000,
    });
    const sessionToken = await ctx.tokens.sign({ userId: user.userId, sessionId, scopes, issuedAtSeconds, expiresAtSeconds });
    const data: SessionData = { sessionToken, sessionId, userId: user.userId, expiresAt: isoAt(expiresAtSeconds * 1000), scopes };
    if (example) data.wallet = replyWallet(user);
    return { data, summary: "session created" };
  });
  return app;
}
