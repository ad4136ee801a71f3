import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { registerSecrets } from "../logging/log";
import { settingsFrom } from "./settings";

/** Puts the parsed settings on the context; a broken setting answers 500 `configuration_error` naming it. */
export function settings(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const parsed = settingsFrom(c.env);
    registerSecrets(parsed.secrets);
    c.set("settings", parsed);
    await next();
  };
}
