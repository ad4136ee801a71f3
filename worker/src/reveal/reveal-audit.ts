import type { Context } from "hono";
import { recordAudit } from "../audit/audit.queries";
import type { AppEnv } from "../env";
import { requestIdsOf } from "../http/edge";
import { log } from "../logging/log";

/**
 * Records one reveal outcome (`card.reveal`, like the JSON reveal) after the reply: `ticket_issued`,
 * `succeeded`, `refused_used`, `refused_expired`, `refused_origin`, `origin_not_allowed`, `rate_limited`,
 * `not_found`, `failed`.
 * Never a number, a ticket or a theme.
 */
export function auditReveal(c: Context<AppEnv>, partnerUserId: string, cardId: string, outcome: string): void {
  const ids = requestIdsOf(c);
  const write = recordAudit(c.env.DB, { partnerUserId, action: "card.reveal", resourceId: cardId, outcome, ...ids, createdAt: new Date().toISOString() });
  c.executionCtx.waitUntil(write.catch((e: unknown) => log.error("audit_failed", { ...ids, error: (e as Error)?.name })));
}
