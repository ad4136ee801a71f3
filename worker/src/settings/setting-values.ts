import { REQUESTABLE_SCOPES, type RequestableScope, Scope } from "@machines-card/contract/machines/sessions";

/**
 * Readers for the kinds of value a setting holds. Each returns the value, or a message that ends the
 * sentence "<SETTING> …" (the settings parser prefixes the name), so a misconfiguration reads
 * "MACHINES_API_BASE must be an http(s) URL" and never shows the value (it may be a secret).
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (message: string): Read<never> => ({ ok: false, message });

export function readUrl(text: string, opts: { httpsOnly: boolean }): Read<string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return bad("must be an absolute http(s) URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return bad("must be an absolute http(s) URL");
  if (opts.httpsOnly && url.protocol !== "https:") return bad("must use https in production");
  if (url.username || url.password) return bad("must not carry credentials; secrets go in their own settings");
  return ok(text.replace(/\/+$/, ""));
}

const PARTNER_PATH = "/partner/v1";

/**
 * The Machines partner API base always ends in exactly one `/partner/v1`: a host alone gets it appended,
 * and a doubled suffix (`…/partner/v1/partner/v1`, easy to produce when copying from two docs) is collapsed.
 */
export function readMachinesBase(text: string, opts: { httpsOnly: boolean }): Read<string> {
  const url = readUrl(text, opts);
  if (!url.ok) return url;
  let base = url.value;
  while (base.endsWith(PARTNER_PATH)) base = base.slice(0, -PARTNER_PATH.length).replace(/\/+$/, "");
  return ok(base + PARTNER_PATH);
}

/** Comma-separated exact origins (`https://shop.example`, `http://localhost:5173`); never `*`. */
export function readOrigins(text: string): Read<ReadonlySet<string>> {
  const origins = new Set<string>();
  for (const part of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (part.includes("*")) return bad("must list exact origins: a wildcard (*) is never allowed");
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      return bad(`has an entry that is not an origin (scheme://host[:port]): ${part}`);
    }
    const origin = url.origin;
    if (origin === "null" || part.replace(/\/$/, "") !== origin) {
      return bad(`has an entry that is not an origin (scheme://host[:port], no path): ${part}`);
    }
    origins.add(origin);
  }
  return ok(origins);
}

export function readInt(text: string, min: number, max: number): Read<number> {
  if (!/^\d+$/.test(text.trim())) return bad(`must be a whole number from ${min} to ${max}`);
  const n = Number(text.trim());
  return n >= min && n <= max ? ok(n) : bad(`must be a whole number from ${min} to ${max}`);
}

/**
 * Comma- or space-separated partner session scopes, each one a partner should request (reference §12: the
 * partner enum, plus `transactions.read`). Scopes seen elsewhere but outside the enum (`balances.read`,
 * `crypto.*`) are refused by name: balances need no scope, and `encryption.*` is the enum's spelling.
 */
export function readScopes(text: string): Read<RequestableScope[]> {
  const scopes = text.split(/[\s,]+/).filter(Boolean);
  if (scopes.length === 0) return bad("must list at least one scope");
  for (const scope of scopes) {
    if (!Scope.safeParse(scope).success) return bad(`has an unknown scope: ${scope}`);
    if (!(REQUESTABLE_SCOPES as readonly string[]).includes(scope)) {
      return bad(`has a scope outside the partner enum: ${scope} (balances need no scope; use encryption.* for crypto.*)`);
    }
  }
  return ok([...new Set(scopes)] as RequestableScope[]);
}

/** 32 random bytes, base64 (standard or url-safe): the AES-256-GCM key for data at rest. */
export function readKey32(text: string): Read<Uint8Array> {
  const normalised = text.trim().replaceAll("-", "+").replaceAll("_", "/");
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(normalised), (ch) => ch.charCodeAt(0));
  } catch {
    return bad("must be 32 bytes, base64-encoded (openssl rand -base64 32)");
  }
  return bytes.length === 32 ? ok(bytes) : bad("must be 32 bytes, base64-encoded (openssl rand -base64 32)");
}

export function readText(text: string, max = 4096): Read<string> {
  const value = text.trim();
  return value && value.length <= max ? ok(value) : bad(`must be a non-empty value of at most ${max} characters`);
}

/** One of a few fixed words. */
export function readOneOf<const T extends string>(values: readonly T[]): (text: string) => Read<T> {
  return (text) => ((values as readonly string[]).includes(text) ? ok(text as T) : bad(`must be ${values.join(" or ")}`));
}
