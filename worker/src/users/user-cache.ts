import type { KycStatus } from "@machines-card/contract/machines/kyc";
import { boundedMapPerOwner } from "../memory/isolate-memory";
import type { CachedSession, SessionKind } from "./partner-user";
import type { UserWithSessions } from "./users.queries";

/**
 * How long this isolate trusts a user row it read from D1 (or last kept up to date itself). Bounded, because
 * other isolates write the same rows: a row read here is at most this old.
 */
export const USER_CACHE_TTL_MS = 60_000;

/** Users one isolate keeps at most (each with up to two sealed tokens, about 3 kB); the oldest entry goes first. */
const MAX_ENTRIES = 2_000;

interface Entry {
  found: UserWithSessions;
  /** When the row was read from D1 (own writes keep it, they do not make the rest of the row newer). */
  loadedAt: number;
}

/** One cache per D1 database binding: it mirrors that database's rows. */
const entriesOf = boundedMapPerOwner<D1Database, string, Entry>(MAX_ENTRIES);

/** A copy the caller may change (routes update `kycStatus` and sessions on their own context). */
const copy = (found: UserWithSessions): UserWithSessions => ({ user: { ...found.user }, sessions: { ...found.sessions } });

function update(db: D1Database, crossmintUserId: string, change: (found: UserWithSessions) => UserWithSessions | null): void {
  const entries = entriesOf(db);
  const entry = entries.get(crossmintUserId);
  if (!entry) return;
  const next = change(entry.found);
  if (next) entries.set(crossmintUserId, { found: next, loadedAt: entry.loadedAt });
  else entries.delete(crossmintUserId);
}

/**
 * The signed-in user's row and sealed partner sessions, kept per isolate so a warm read makes no D1 query
 * (`users/user-middleware.ts`). What makes it safe:
 * - only users whose KYC is approved are kept. Before approval every request reads D1, so an approval that
 *   any isolate recorded is seen on the next request (the status picks the partner session kind: a stale
 *   "pending" would send card-scoped calls with the KYC session);
 * - a row is kept at most `USER_CACHE_TTL_MS` after it was read, then read again;
 * - this isolate's own writes update it at once: a session minted (on expiry, or after Machines refused one
 *   with 401) replaces the one kept, a KYC status other than approved drops the user, `last_used_at` moves;
 * - sessions are independent at Machines, so a session another isolate minted meanwhile leaves the one kept
 *   here valid; if Machines refuses it, the 401 re-mints it here as well. Each session is only used while it
 *   has more than a minute left (`sessions/partner-sessions.ts`);
 * - entries are keyed by the verified token's subject, and each request gets its own copy.
 */
export const userCache = {
  get(db: D1Database, crossmintUserId: string, now: number): UserWithSessions | undefined {
    const entries = entriesOf(db);
    const entry = entries.get(crossmintUserId);
    if (!entry) return undefined;
    if (now - entry.loadedAt >= USER_CACHE_TTL_MS || entry.loadedAt > now) {
      entries.delete(crossmintUserId);
      return undefined;
    }
    return copy(entry.found);
  },

  /** What D1 returned for this user just now. Kept only once KYC is approved. */
  remember(db: D1Database, found: UserWithSessions, loadedAt: number): void {
    const entries = entriesOf(db);
    const key = found.user.crossmintUserId;
    if (found.user.kycStatus !== "approved") entries.delete(key);
    else entries.set(key, { found: copy(found), loadedAt });
  },

  /** This isolate stored a new session of its kind for the user. */
  sessionSaved(db: D1Database, crossmintUserId: string, session: CachedSession): void {
    update(db, crossmintUserId, (found) => ({ user: found.user, sessions: { ...found.sessions, [session.kind]: session } }));
  },

  /** Machines refused this session (401): it is not used again (unless a newer one already replaced it). */
  sessionRefused(db: D1Database, crossmintUserId: string, kind: SessionKind, sessionId: string): void {
    update(db, crossmintUserId, (found) => {
      if (found.sessions[kind]?.sessionId !== sessionId) return found;
      const sessions = { ...found.sessions };
      delete sessions[kind];
      return { user: found.user, sessions };
    });
  },

  /** This isolate learnt the user's KYC status from Machines. */
  kycStatusChanged(db: D1Database, crossmintUserId: string, status: KycStatus): void {
    update(db, crossmintUserId, (found) => (status === "approved" ? found : null));
  },

  /** This isolate moved `last_used_at` forward. */
  touched(db: D1Database, crossmintUserId: string, lastUsedAt: string): void {
    update(db, crossmintUserId, (found) => ({ user: { ...found.user, lastUsedAt }, sessions: found.sessions }));
  },

  /** Drops the user (a new link: the row was written again). */
  forget(db: D1Database, crossmintUserId: string): void {
    entriesOf(db).delete(crossmintUserId);
  },
};
