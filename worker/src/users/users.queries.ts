import type { KycStatus } from "@machines-card/contract/machines/kyc";
import type { CachedSession, PartnerUser, SessionKind } from "./partner-user";

/** A user with the partner sessions cached for them. */
export interface UserWithSessions {
  user: PartnerUser;
  sessions: Partial<Record<SessionKind, CachedSession>>;
}

interface Row {
  partner_user_id: string;
  crossmint_user_id: string;
  machines_user_id: string;
  wallet_address: string;
  kyc_status: KycStatus;
  linked_at: string;
  last_used_at: string;
  kind: SessionKind | null;
  session_id: string | null;
  scopes: string | null;
  expires_at: number | null;
  token_iv: string | null;
  token_ciphertext: string | null;
}

/** Look a user up by the token's subject (requests) or by the partner user id (background jobs). */
export type UserKey = { crossmintUserId: string } | { partnerUserId: string };

/**
 * A user and their cached partner sessions, in one query: what an authenticated request reads when this
 * isolate does not hold the user already (`user-cache.ts`), and the only D1 query of a cached read.
 */
export async function findUserWithSessions(db: D1Database, key: UserKey): Promise<UserWithSessions | null> {
  const column = "crossmintUserId" in key ? "u.crossmint_user_id" : "u.partner_user_id";
  const { results } = await db
    .prepare(
      `SELECT u.partner_user_id, u.crossmint_user_id, u.machines_user_id, u.wallet_address, u.kyc_status,
              u.linked_at, u.last_used_at,
              s.kind, s.session_id, s.scopes, s.expires_at, s.token_iv, s.token_ciphertext
         FROM users u LEFT JOIN partner_sessions s ON s.partner_user_id = u.partner_user_id
        WHERE ${column} = ?1`,
    )
    .bind("crossmintUserId" in key ? key.crossmintUserId : key.partnerUserId)
    .all<Row>();
  const first = results[0];
  if (!first) return null;
  const sessions: UserWithSessions["sessions"] = {};
  for (const row of results) {
    if (row.kind && row.session_id && row.expires_at !== null && row.token_iv && row.token_ciphertext) {
      sessions[row.kind] = {
        kind: row.kind,
        sessionId: row.session_id,
        scopes: (row.scopes ?? "").split(" ").filter(Boolean),
        expiresAt: row.expires_at,
        sealed: { iv: row.token_iv, ciphertext: row.token_ciphertext },
      };
    }
  }
  return {
    user: {
      partnerUserId: first.partner_user_id,
      crossmintUserId: first.crossmint_user_id,
      machinesUserId: first.machines_user_id,
      walletAddress: first.wallet_address,
      kycStatus: first.kyc_status,
      linkedAt: first.linked_at,
      lastUsedAt: first.last_used_at,
    },
    sessions,
  };
}

/**
 * Records a linked user. A second link of the same person (two first requests racing) keeps the
 * original `linked_at` and refreshes the rest; the stored row is returned either way.
 */
export async function saveUser(db: D1Database, user: PartnerUser): Promise<PartnerUser> {
  const row = await db
    .prepare(
      `INSERT INTO users (partner_user_id, crossmint_user_id, machines_user_id, wallet_address, kyc_status, linked_at, last_used_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (partner_user_id) DO UPDATE SET
         machines_user_id = excluded.machines_user_id,
         wallet_address = excluded.wallet_address,
         kyc_status = excluded.kyc_status,
         last_used_at = excluded.last_used_at
       RETURNING partner_user_id, crossmint_user_id, machines_user_id, wallet_address, kyc_status, linked_at, last_used_at`,
    )
    .bind(
      user.partnerUserId,
      user.crossmintUserId,
      user.machinesUserId,
      user.walletAddress,
      user.kycStatus,
      user.linkedAt,
      user.lastUsedAt,
    )
    .first<Omit<Row, "kind" | "session_id" | "scopes" | "expires_at" | "token_iv" | "token_ciphertext">>();
  return {
    partnerUserId: row!.partner_user_id,
    crossmintUserId: row!.crossmint_user_id,
    machinesUserId: row!.machines_user_id,
    walletAddress: row!.wallet_address,
    kycStatus: row!.kyc_status,
    linkedAt: row!.linked_at,
    lastUsedAt: row!.last_used_at,
  };
}

/** Moves `last_used_at` forward, only if the stored value is older than `staleBefore` (a throttle: at most one write per window). */
export async function touchUser(db: D1Database, partnerUserId: string, now: string, staleBefore: string): Promise<boolean> {
  const result = await db
    .prepare(`UPDATE users SET last_used_at = ?2 WHERE partner_user_id = ?1 AND last_used_at < ?3`)
    .bind(partnerUserId, now, staleBefore)
    .run();
  return result.meta.changes > 0;
}

/** Remembers the latest KYC status Machines reported (only writes when it changed). */
export async function saveKycStatus(db: D1Database, partnerUserId: string, status: KycStatus): Promise<void> {
  await db
    .prepare(`UPDATE users SET kyc_status = ?2 WHERE partner_user_id = ?1 AND kyc_status <> ?2`)
    .bind(partnerUserId, status)
    .run();
}
