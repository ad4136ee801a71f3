import { failed, passed, type PreflightCheck } from "./preflight";

/**
 * The migrations this build of the Worker needs, by file name in worker/migrations (the preflight test
 * fails when a migration is added there and not here). Wrangler records applied ones in `d1_migrations`.
 */
export const EXPECTED_MIGRATIONS = [
  "0001_users.sql",
  "0002_partner_sessions.sql",
  "0003_audit_events.sql",
  "0004_card_requests.sql",
  "0005_audit_client_request_id.sql",
  "0010_withdrawals.sql",
  "0011_withdrawal_confirmations.sql",
  "0012_withdrawal_relay_payout.sql",
  "0030_reveal_tickets.sql",
] as const;

const FIX = "Run `npx wrangler d1 migrations apply DB --remote --env <env>` (the migrations ship in node_modules/@machines-card/worker/migrations)";

export async function checkMigrations(db: D1Database): Promise<PreflightCheck[]> {
  let applied: Set<string>;
  try {
    const { results } = await db.prepare("SELECT name FROM d1_migrations").all<{ name: string }>();
    applied = new Set(results.map((r) => r.name));
  } catch {
    return [failed("database", "DB", "D1 has no migrations applied (no d1_migrations table)", FIX)];
  }
  const missing = EXPECTED_MIGRATIONS.filter((name) => !applied.has(name));
  if (missing.length) {
    return [failed("database", "DB", `D1 lacks ${missing.length} migration${missing.length === 1 ? "" : "s"}: ${missing.join(", ")}`, FIX)];
  }
  return [passed("database", "DB", `D1 has all ${EXPECTED_MIGRATIONS.length} migrations`)];
}
