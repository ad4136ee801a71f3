import type { Environment } from "@machines-card/contract/api/config";
import { log } from "../../logging/log";

const LOOPBACK_HOSTS = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export interface LinkCheck {
  environment: Environment;
  /** For the log line when a link is refused. */
  requestId?: string;
  /** Which link, for the log line: `kyc.completionLink`, `agreements.links`. */
  what: string;
}

/**
 * A link from Machines (KYC verification, agreement documents) as the widget may offer it to the user, or
 * null. Only `https:` is passed on (reference §12): a `javascript:`, `data:` or plain-http link from a
 * compromised or confused upstream must never become an `href`. The local sandbox serves its hosted KYC
 * page over `http:` on loopback, so that one exception holds while ENVIRONMENT is `sandbox`; production
 * refuses every non-https link. A refused link is dropped and logged (scheme only), so the user still
 * sees their status and can go on; the rest of the reply is unaffected.
 */
export function followableLink(url: string | null, check: LinkCheck): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    log.warn("machines_link_refused", { requestId: check.requestId, link: check.what, scheme: "unparsable" });
    return null;
  }
  if (parsed.protocol === "https:") return url;
  if (parsed.protocol === "http:" && check.environment === "sandbox" && LOOPBACK_HOSTS.test(parsed.hostname)) return url;
  log.warn("machines_link_refused", { requestId: check.requestId, link: check.what, scheme: parsed.protocol.slice(0, 20) });
  return null;
}
