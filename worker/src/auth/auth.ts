import type { MiddlewareHandler } from "hono";
import { verifiedTokens } from "./verified-tokens";
import { verifyUserToken } from "./verify-user-token";
import type { AppEnv } from "../env";
import { AppError } from "../errors";

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i;

/**
 * Requires `Authorization: Bearer <JWT>` signed by the configured issuer (Crossmint in production, the
 * sandbox identity issuer in development; same code path, different settings) and sets `c.get("identity")`.
 */
export function auth(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header("Authorization") ?? "");
    if (!match) throw new AppError("unauthorized", "sign in first: send Authorization: Bearer <token>", { field: "Authorization" });
    const jwt = match[1]!;
    const { crossmint } = c.get("settings");
    const now = Math.floor(Date.now() / 1000);
    let identity = verifiedTokens.get(crossmint, jwt, now);
    if (!identity) {
      identity = await verifyUserToken(crossmint, jwt);
      verifiedTokens.set(crossmint, jwt, identity);
    }
    c.set("identity", identity);
    await next();
  };
}
