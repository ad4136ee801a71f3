/** A card creation request, kept by (user, Idempotency-Key) so that every retry forwards the same upstream body. */
export interface CardRequest {
  partnerUserId: string;
  idempotencyKey: string;
  /** SHA-256 (hex) of the client's request: label and limit. */
  requestHash: string;
  /** JSON sent to Machines `POST /cards` (the encrypted label blob, never the plaintext). */
  upstreamBody: string;
  cardId: string | null;
  createdAt: string;
}

interface Row {
  partner_user_id: string;
  idempotency_key: string;
  request_hash: string;
  upstream_body: string;
  card_id: string | null;
  created_at: string;
}

const fromRow = (r: Row): CardRequest => ({
  partnerUserId: r.partner_user_id,
  idempotencyKey: r.idempotency_key,
  requestHash: r.request_hash,
  upstreamBody: r.upstream_body,
  cardId: r.card_id,
  createdAt: r.created_at,
});

/**
 * Claims an idempotency key in one statement: the first request's row is stored and returned; every later
 * (or concurrent) request with the same key gets that same first row back, so all of them send Machines
 * the same body under the same key.
 */
export async function claimCardRequest(db: D1Database, request: CardRequest): Promise<CardRequest> {
  const row = await db
    .prepare(
      `INSERT INTO card_requests (partner_user_id, idempotency_key, request_hash, upstream_body, card_id, created_at)
       VALUES (?1, ?2, ?3, ?4, NULL, ?5)
       ON CONFLICT (partner_user_id, idempotency_key) DO UPDATE SET partner_user_id = partner_user_id
       RETURNING partner_user_id, idempotency_key, request_hash, upstream_body, card_id, created_at`,
    )
    .bind(request.partnerUserId, request.idempotencyKey, request.requestHash, request.upstreamBody, request.createdAt)
    .first<Row>();
  return fromRow(row!);
}

/** Records the card a request produced. */
export async function completeCardRequest(db: D1Database, partnerUserId: string, idempotencyKey: string, cardId: string): Promise<void> {
  await db
    .prepare(`UPDATE card_requests SET card_id = ?3 WHERE partner_user_id = ?1 AND idempotency_key = ?2`)
    .bind(partnerUserId, idempotencyKey, cardId)
    .run();
}

/** Forgets requests older than `before` (ISO); returns how many. */
export async function purgeCardRequests(db: D1Database, before: string): Promise<number> {
  const result = await db.prepare(`DELETE FROM card_requests WHERE created_at < ?1`).bind(before).run();
  return result.meta.changes;
}
