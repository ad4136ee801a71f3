/** Hosts of this machine: the local sandbox serves its hosted pages over plain http there. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The address to bind to a link the user opens (the hosted verification page, an agreement's document),
 * or null when it must not be one: only `https:` (and `http:` on this machine, for the local sandbox).
 * These addresses come from Machines through the Worker; a `javascript:`, `data:` or plain-http link
 * would run script in the partner's page or send the user somewhere unprotected.
 *
 * @example
 * linkTarget("https://verify.example/session/1"); // "https://verify.example/session/1"
 * linkTarget("javascript:alert(1)"); // null
 */
export function linkTarget(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && LOOPBACK.test(parsed.hostname))) return parsed.href;
  return null;
}
