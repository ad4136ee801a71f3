import type { ErrorItem } from "@machines-card/contract/envelope";

/**
 * Secret values published in this repository for the local sandbox (`.dev.vars.example`, the sandbox's
 * defaults in `demo/`). Anyone can read them, so a production Worker configured with one is refused.
 */
export const PUBLISHED_SANDBOX_SECRETS = {
  MACHINES_PARTNER_KEY: ["sk_sandbox_machines_partner_key"],
  CROSSMINT_SERVER_KEY: ["sk_sandbox_crossmint_server_key"],
  DATA_ENCRYPTION_KEY: ["c2FuZGJveC1kYXRhLWtleS0zMi1ieXRlcy1sb25nISE="],
} as const;

type SecretName = keyof typeof PUBLISHED_SANDBOX_SECRETS;

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/** Same key bytes, however the base64 is written (standard or url-safe, padded or not). */
const keyBytes = (text: string) => text.trim().replaceAll("-", "+").replaceAll("_", "/").replace(/=+$/, "");

/**
 * What production must not run with: a published sandbox secret, or a loopback origin in ALLOWED_ORIGINS
 * (a page on the server's own machine is a development setup, never a partner's site). Each problem names
 * its setting and never the value.
 */
export function productionProblems(secrets: Partial<Record<SecretName, string>>, allowedOrigins: Iterable<string>): ErrorItem[] {
  const problems: ErrorItem[] = [];
  for (const [name, published] of Object.entries(PUBLISHED_SANDBOX_SECRETS) as [SecretName, readonly string[]][]) {
    const value = secrets[name]?.trim();
    if (value === undefined) continue;
    const same = name === "DATA_ENCRYPTION_KEY" ? published.some((p) => keyBytes(p) === keyBytes(value)) : published.includes(value);
    if (same) {
      problems.push({ code: "configuration_error", message: `${name} is the published sandbox value; set your own secret in production`, field: name });
    }
  }
  const loopback = [...allowedOrigins].filter((origin) => LOOPBACK_HOST.test(new URL(origin).hostname));
  if (loopback.length) {
    problems.push({
      code: "configuration_error",
      message: `ALLOWED_ORIGINS lists loopback origins (${loopback.join(", ").slice(0, 200)}), which production must not allow`,
      field: "ALLOWED_ORIGINS",
    });
  }
  return problems;
}
