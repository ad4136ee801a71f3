import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env";
import { log } from "../../logging/log";
import { linkUser } from "../../users/link-user";
import { findUserWithSessions, touchUser } from "../../users/users.queries";

/** `last_used_at` is advanced at most once per this window, after the reply, so reads stay one query. */
export const LAST_USED_WINDOW_MS = 5 * 60_000;

/**
 * Loads the signed-in user with their cached partner sessions (one D1 query) into `c.get("user")`,
 * linking them on their first request (wallet from Crossmint, `users/resolve` at Machines).
 */
export function user(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const identity = c.get("identity");
    const found = await findUserWithSessions(c.env.DB, { crossmintUserId: identity.sub });
    if (found) {
      c.set("user", { ...found, email: identity.email });
      const now = Date.now();
      if (Date.parse(found.user.lastUsedAt) < now - LAST_USED_WINDOW_MS) {
        const write = touchUser(c.env.DB, found.user.partnerUserId, new Date(now).toISOString(), new Date(now - LAST_USED_WINDOW_MS).toISOString());
        c.executionCtx.waitUntil(write.catch((e: unknown) => log.warn("touch_user_failed", { requestId: c.get("requestId"), error: (e as Error)?.name })));
      }
    } else {
      const linked = await linkUser({ db: c.env.DB, settings: c.get("settings"), requestId: c.get("requestId") }, identity);
      log.info("user_linked", { requestId: c.get("requestId"), partnerUserId: linked.partnerUserId });
      c.set("user", { user: linked, email: identity.email, sessions: {} });
    }
    await next();
  };
}
