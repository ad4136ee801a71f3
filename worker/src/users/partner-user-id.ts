import { bytesToHex } from "../crypto/base64";

/** Versioned, so a future scheme can never collide with ids already linked at Machines. */
const NAMESPACE = "machines-card/partner-user/v1:";

/**
 * The partner user id for a Crossmint user id: `mc_` + the first 128 bits of SHA-256 over a namespaced
 * `sub`, in hex. Deterministic, so the same person reaches Machines under the same identity even if D1
 * were rebuilt; opaque, so Machines never sees the Crossmint id itself.
 *
 * @example
 * await partnerUserIdFor("c6a1…") // "mc_3f9a…" (35 characters)
 */
export async function partnerUserIdFor(crossmintUserId: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(NAMESPACE + crossmintUserId));
  return `mc_${bytesToHex(new Uint8Array(digest).subarray(0, 16))}`;
}
