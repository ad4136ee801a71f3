import { BoundedMap } from "../memory/isolate-memory";
import type { TokenVerifierConfig, VerifiedIdentity } from "./verify-user-token";

const entries = new BoundedMap<string, VerifiedIdentity>(2_000);

const keyOf = (config: TokenVerifierConfig, jwt: string) => `${config.jwksUrl}\n${config.issuer}\n${config.audience}\n${jwt}`;

/**
 * Tokens this isolate has already verified, until they expire. A widget sends the same JWT on every call
 * for up to its lifetime, so this spares a signature check per request (the CPU budget is 2 ms) without
 * accepting anything longer than the token itself allows.
 */
export const verifiedTokens = {
  get(config: TokenVerifierConfig, jwt: string, nowSeconds: number): VerifiedIdentity | undefined {
    const key = keyOf(config, jwt);
    const hit = entries.get(key);
    if (!hit) return undefined;
    if (hit.exp <= nowSeconds) {
      entries.delete(key);
      return undefined;
    }
    return hit;
  },
  set(config: TokenVerifierConfig, jwt: string, identity: VerifiedIdentity): void {
    entries.set(keyOf(config, jwt), identity);
  },
};
