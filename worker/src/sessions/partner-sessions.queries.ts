import type { CachedSession } from "../users/partner-user";

/** Stores (or replaces) the user's cached session of this kind. The token arrives already sealed. */
export async function saveSession(db: D1Database, partnerUserId: string, session: CachedSession, now: string): Promise<void> {
  await db
    .prepare(
      `INSERT INTO partner_sessions (partner_user_id, kind, session_id, scopes, expires_at, token_iv, token_ciphertext, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
       ON CONFLICT (partner_user_id, kind) DO UPDATE SET
         session_id = excluded.session_id, scopes = excluded.scopes, expires_at = excluded.expires_at,
         token_iv = excluded.token_iv, token_ciphertext = excluded.token_ciphertext, created_at = excluded.created_at`,
    )
    .bind(
      partnerUserId,
      session.kind,
      session.sessionId,
      session.scopes.join(" "),
      session.expiresAt,
      session.sealed.iv,
      session.sealed.ciphertext,
      now,
    )
    .run();
}

/** Forgets a session Machines refused (401), unless a newer one already replaced it. */
export async function deleteSession(db: D1Database, partnerUserId: string, kind: CachedSession["kind"], sessionId: string): Promise<void> {
  await db
    .prepare(`DELETE FROM partner_sessions WHERE partner_user_id = ?1 AND kind = ?2 AND session_id = ?3`)
    .bind(partnerUserId, kind, sessionId)
    .run();
}
