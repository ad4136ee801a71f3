import type { Settings } from "../settings/settings";
import { failed, passed, type PreflightCheck } from "./preflight";

/** The widget's pages are listed, and in production every one is https (loopback is refused at start). */
export function checkOrigins(s: Settings): PreflightCheck[] {
  const origins = [...s.allowedOrigins];
  if (origins.length === 0) {
    return [failed("origins", "ALLOWED_ORIGINS", "No origin is allowed: no page can use the widget", "Set ALLOWED_ORIGINS to the exact origins of your pages, comma-separated (https://shop.example)")];
  }
  const plain = origins.filter((o) => !o.startsWith("https://"));
  if (s.environment === "production" && plain.length) {
    return [failed("origins", "ALLOWED_ORIGINS", `Production allows non-https origins: ${plain.join(", ").slice(0, 200)}`, "List only https origins in production")];
  }
  return [passed("origins", "ALLOWED_ORIGINS", `${origins.length} origin${origins.length === 1 ? "" : "s"} allowed${plain.length ? ` (${plain.length} not https: fine outside production)` : ""}`)];
}
