import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { log } from "../logging/log";
import { linkUser } from "./link-user";
import { userCache } from "./user-cache";
import { findUserWithSessions, touchUser } from "./users.queries";

/** `last_used_at` is advanced at most once per this window, after the reply, so reads stay one query. */
export const LAST_USED_WINDOW_MS = 5 * 60_000;

/**
 * Puts the signed-in user with their cached partner sessions into `c.get("user")`: from this isolate's user
 * cache when it holds them (no query; `users/user-cache.ts` says when it may), otherwise from D1 (one query),
 * linking them on their first request (wallet from Crossmint, `users/resolve` at Machines).
 */
export function user(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const identity = c.get("identity");
    const db = c.env.DB;
    const now = Date.now();
    let found = userCache.get(db, identity.sub, now);
    if (!found) {
      found = (await findUserWithSessions(db, { crossmintUserId: identity.sub })) ?? undefined;
      if (found) userCache.remember(db, found, now);
    }
    if (found) {
      c.set("user", { ...found, email: identity.email });
      if (Date.parse(found.user.lastUsedAt) < now - LAST_USED_WINDOW_MS) {
        const lastUsedAt = new Date(now).toISOString();
        userCache.touched(db, identity.sub, lastUsedAt);
        const write = touchUser(db, found.user.partnerUserId, lastUsedAt, new Date(now - LAST_USED_WINDOW_MS).toISOString());
        c.executionCtx.waitUntil(write.catch((e: unknown) => log.warn("touch_user_failed", { requestId: c.get("requestId"), error: (e as Error)?.name })));
      }
    } else {
      const linked = await linkUser({ db, settings: c.get("settings"), requestId: c.get("requestId") }, identity);
      userCache.forget(db, identity.sub);
      log.info("user_linked", { requestId: c.get("requestId"), partnerUserId: linked.partnerUserId });
      c.set("user", { user: linked, email: identity.email, sessions: {} });
    }
    await next();
  };
}
