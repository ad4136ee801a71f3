import { Hono } from "hono";
import { errorReply, invalidBody, readJsonBody } from "./service-http";
import type { RefreshSessions } from "./refresh-sessions";
import { RefreshBody, type SignInReply } from "./schemas";
import { IdentityTokenError, type IdentityClaims } from "./tokens";

export interface SessionRoutesDeps {
  refresh: RefreshSessions;
  reply: (user: { sub: string; email: string }, refresh: { token: string; expiresAt: number }) => Promise<SignInReply>;
  verifyToken: (jwt: string) => Promise<IdentityClaims>;
}

const refreshFailures = {
  refresh_invalid: "unknown or signed-out refresh token; sign in again",
  refresh_expired: "the refresh token has expired; sign in again",
  refresh_reused: "the refresh token was already used; this sign-in is revoked, sign in again",
} as const;

/** `/refresh` (rotates the refresh token, mints a new JWT), `/sign-out`, and `/me`. */
export function sessionRoutes(d: SessionRoutesDeps) {
  const app = new Hono();

  app.post("/refresh", async (c) => {
    const body = await readJsonBody(c, RefreshBody);
    if (!body.ok) return invalidBody(c, body.errors);
    const rotated = await d.refresh.rotate(body.value.refreshToken);
    if (!rotated.ok) return errorReply(c, 401, rotated.reason, refreshFailures[rotated.reason], "refreshToken");
    return c.json(await d.reply(rotated.user, rotated));
  });

  app.post("/sign-out", async (c) => {
    const body = await readJsonBody(c, RefreshBody);
    if (!body.ok) return invalidBody(c, body.errors);
    await d.refresh.revoke(body.value.refreshToken);
    return c.json({ signedOut: true });
  });

  app.get("/me", async (c) => {
    const header = c.req.header("Authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return errorReply(c, 401, "unauthorized", "missing bearer token");
    try {
      const claims = await d.verifyToken(match[1]!);
      return c.json({ user: { id: claims.sub, email: claims.email }, expiresAt: new Date(claims.exp * 1000).toISOString() });
    } catch (e) {
      if (e instanceof IdentityTokenError) return errorReply(c, 401, e.code, e.message);
      throw e;
    }
  });

  return app;
}
