import type { Sealed } from "../crypto/sealed-box";
import { boundedMapPerOwner } from "../memory/isolate-memory";

/** Users whose tokens one isolate keeps open at most (two kinds each); the oldest entry goes first. */
const MAX_ENTRIES = 4_000;

interface Entry {
  sealed: Sealed;
  token: string;
  /** The session's expiry, milliseconds since the epoch. */
  expiresAt: number;
}

/** Per data key: a rotated DATA_ENCRYPTION_KEY (another settings object) starts empty. */
const entriesFor = boundedMapPerOwner<Uint8Array, string, Entry>(MAX_ENTRIES);

/**
 * Partner session tokens this isolate has already unsealed (or minted), so a cached read does not decrypt
 * the same token on every request. An entry answers only for the exact sealed value it came from (same
 * owner and kind, same IV and ciphertext: a row replaced in D1 is opened afresh) and only until the
 * session expires. Tokens stay in the isolate's memory, where the request that opened them had them anyway.
 */
export const openedTokens = {
  get(dataKey: Uint8Array, context: string, sealed: Sealed, now: number): string | undefined {
    const entries = entriesFor(dataKey);
    const hit = entries.get(context);
    if (!hit) return undefined;
    if (hit.expiresAt <= now) {
      entries.delete(context);
      return undefined;
    }
    return hit.sealed.iv === sealed.iv && hit.sealed.ciphertext === sealed.ciphertext ? hit.token : undefined;
  },
  set(dataKey: Uint8Array, context: string, sealed: Sealed, token: string, expiresAt: number): void {
    entriesFor(dataKey).set(context, { sealed, token, expiresAt });
  },
  /** Forgets a token Machines refused (unless a newer one already took its place). */
  forget(dataKey: Uint8Array, context: string, token: string): void {
    const entries = entriesFor(dataKey);
    if (entries.get(context)?.token === token) entries.delete(context);
  },
};
