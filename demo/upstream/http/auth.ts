import type { MiddlewareHandler } from "hono";
import type { Scope } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { forbiddenScope, unauthorized } from "../errors";
import type { ApiEnv } from "./env";

/** `crypto.*` (the quickstart's card session) stands for `encryption.*` [sandbox choice]. */
const SCOPE_ALIASES: Partial<Record<Scope, Scope[]>> = {
  "encryption.read": ["crypto.read"],
  "encryption.write": ["crypto.write"],
};

export function hasScope(granted: readonly string[], needed: Scope): boolean {
  return granted.includes(needed) || (SCOPE_ALIASES[needed] ?? []).some((alias) => granted.includes(alias));
}

/** `X-Partner-Key` on `/sessions` and `/users/resolve`; a missing or wrong key gives 401. */
export function partnerAuth(ctx: SimulatorContext): MiddlewareHandler {
  return async (c, next) => {
    const presented = c.req.header("x-partner-key");
    if (!presented) throw unauthorized("missing partner key (X-Partner-Key)");
    if (!(await ctx.secrets.equals(presented, ctx.partnerKey))) throw unauthorized("invalid partner key");
    await next();
  };
}

/**
 * `Authorization: Bearer <sessionToken>` on every other route: 401 for a missing, forged or expired
 * token (or one whose session is gone), 403 when `scope` is not granted. Sets `session` and `user`.
 */
export function sessionAuth(ctx: SimulatorContext, scope?: Scope): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
    if (!match) throw unauthorized("missing session token (Authorization: Bearer <sessionToken>)");
    const claims = await ctx.tokens.verify(match[1]!, ctx.now());
    if (claims === "expired") throw unauthorized("session token expired; create a new session");
    if (claims === "invalid") throw unauthorized("invalid session token");
    const session = ctx.store.session(claims.sessionId);
    const user = ctx.store.user(claims.userId);
    if (!session || session.userId !== claims.userId || !user || session.expiresAtMs <= ctx.now()) {
      throw unauthorized("session not found; create a new session");
    }
    if (scope && !hasScope(session.scopes, scope)) throw forbiddenScope(scope);
    c.set("session", session);
    c.set("user", user);
    await next();
  };
}
