/** One audited action. Never a secret, a card number, a body or an email. */
export interface AuditEvent {
  partnerUserId: string;
  /** `card.reveal`, `kyc.submit`, `withdrawal.create`, … */
  action: string;
  resourceId: string | null;
  /** `succeeded`, `not_found`, `rate_limited`, `failed`, … */
  outcome: string;
  /** The Worker's own id of the request. */
  requestId: string;
  /** The caller's `X-Request-Id`, kept beside it (null when none was sent). */
  clientRequestId: string | null;
  createdAt: string;
}

export async function recordAudit(db: D1Database, e: AuditEvent): Promise<void> {
  await db
    .prepare(
      `INSERT INTO audit_events (partner_user_id, action, resource_id, outcome, request_id, client_request_id, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(e.partnerUserId, e.action, e.resourceId, e.outcome, e.requestId, e.clientRequestId, e.createdAt)
    .run();
}

/** A user's audit trail, newest first. */
export async function listAudit(db: D1Database, partnerUserId: string, action?: string): Promise<AuditEvent[]> {
  const { results } = await db
    .prepare(
      `SELECT partner_user_id, action, resource_id, outcome, request_id, client_request_id, created_at FROM audit_events
        WHERE partner_user_id = ?1 AND (?2 IS NULL OR action = ?2) ORDER BY id DESC`,
    )
    .bind(partnerUserId, action ?? null)
    .all<{
      partner_user_id: string;
      action: string;
      resource_id: string | null;
      outcome: string;
      request_id: string;
      client_request_id: string | null;
      created_at: string;
    }>();
  return results.map((r) => ({
    partnerUserId: r.partner_user_id,
    action: r.action,
    resourceId: r.resource_id,
    outcome: r.outcome,
    requestId: r.request_id,
    clientRequestId: r.client_request_id,
    createdAt: r.created_at,
  }));
}
