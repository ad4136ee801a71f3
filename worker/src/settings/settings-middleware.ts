import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { settingsFrom } from "./settings";

/** Puts the parsed settings on the context; a broken setting answers 500 `configuration_error` naming it. */
export function settings(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Parsing also tells the logger which values to redact.
    c.set("settings", settingsFrom(c.env));
    await next();
  };
}
