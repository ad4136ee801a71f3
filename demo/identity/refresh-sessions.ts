/**
 * Refresh tokens, so a sign-in outlives the short JWT (15 min) across page reloads, as Crossmint's
 * refresh material does. Tokens are opaque random strings; only their SHA-256 is kept. Each refresh
 * rotates the token. A rotated token presented again within a short grace (two tabs refreshing at
 * once) still works; later, it is treated as stolen and the whole sign-in (family) is revoked.
 */

export interface RefreshSessionRecord {
  tokenHash: string;
  familyId: string;
  sub: string;
  email: string;
  createdAt: number;
  expiresAt: number;
  rotatedAt?: number;
}

export interface RefreshUser {
  sub: string;
  email: string;
}

export interface RefreshPolicy {
  /** Life of a refresh token from its issue, in ms (default 7 days; each refresh starts a new one). */
  ttlMs: number;
  /** How long a rotated token is still honoured, in ms (default 30 s). */
  reuseGraceMs: number;
}

export const DEFAULT_REFRESH_POLICY: RefreshPolicy = { ttlMs: 7 * 24 * 3600_000, reuseGraceMs: 30_000 };

export type RotateResult =
  | { ok: true; user: RefreshUser; token: string; expiresAt: number }
  | { ok: false; reason: "refresh_invalid" | "refresh_expired" | "refresh_reused" };

function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

async function hashToken(token: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token))));
}

export function createRefreshSessions(
  policy: RefreshPolicy,
  now: () => number,
  initial: readonly RefreshSessionRecord[] = [],
  onChange: (records: RefreshSessionRecord[]) => Promise<void> | void = () => {},
) {
  const byHash = new Map(initial.map((r) => [r.tokenHash, { ...r }]));

  /** Drops expired records and hands the rest to the store; replies wait for it, so a restart loses nothing. */
  async function changed() {
    const t = now();
    for (const [hash, r] of byHash) if (r.expiresAt <= t) byHash.delete(hash);
    await onChange([...byHash.values()].map((r) => ({ ...r })));
  }

  async function mint(user: RefreshUser, familyId: string) {
    const token = "rt_" + base64url(crypto.getRandomValues(new Uint8Array(32)));
    const t = now();
    const record: RefreshSessionRecord = { tokenHash: await hashToken(token), familyId, ...user, createdAt: t, expiresAt: t + policy.ttlMs };
    byHash.set(record.tokenHash, record);
    return { token, expiresAt: record.expiresAt };
  }

  function revokeFamily(familyId: string) {
    for (const [hash, r] of byHash) if (r.familyId === familyId) byHash.delete(hash);
  }

  /** Starts a sign-in (a new family). */
  async function issue(user: RefreshUser) {
    const minted = await mint({ sub: user.sub, email: user.email }, crypto.randomUUID());
    await changed();
    return minted;
  }

  async function rotate(token: string): Promise<RotateResult> {
    const record = byHash.get(await hashToken(token));
    if (!record) return { ok: false, reason: "refresh_invalid" };
    const t = now();
    if (record.expiresAt <= t) {
      byHash.delete(record.tokenHash);
      await changed();
      return { ok: false, reason: "refresh_expired" };
    }
    if (record.rotatedAt !== undefined && t - record.rotatedAt > policy.reuseGraceMs) {
      revokeFamily(record.familyId);
      await changed();
      return { ok: false, reason: "refresh_reused" };
    }
    record.rotatedAt ??= t;
    const user = { sub: record.sub, email: record.email };
    const minted = await mint(user, record.familyId);
    await changed();
    return { ok: true, user, ...minted };
  }

  /** Ends the sign-in the token belongs to; unknown tokens are ignored (signing out twice is fine). */
  async function revoke(token: string): Promise<void> {
    const record = byHash.get(await hashToken(token));
    if (!record) return;
    revokeFamily(record.familyId);
    await changed();
  }

  return { issue, rotate, revoke };
}

export type RefreshSessions = ReturnType<typeof createRefreshSessions>;
