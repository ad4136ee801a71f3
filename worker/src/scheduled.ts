import type { Bindings } from "./env";
import { log } from "./logging/log";
import { purgeRevealTickets } from "./reveal/reveal-tickets.queries";
import { purgeCardRequests } from "./cards/card-requests.queries";
import { reconcileWithdrawals } from "./withdrawals/reconcile-withdrawals";
import { purgeRejectedWithdrawals } from "./withdrawals/withdrawals.queries";

/** A job the Cron Trigger runs; each one is independent (one failing does not stop the others). */
export type ScheduledJob = (env: Bindings, ctx: ExecutionContext, scheduledTime: number) => Promise<void>;

/** Idempotency records older than this are forgotten (Machines keeps its keys for 24 h too). */
const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60_000;

export const SCHEDULED_JOBS: Record<string, ScheduledJob> = {
  reconcileWithdrawals: async (env) => void (await reconcileWithdrawals(env)),
  purgeCardRequests: async (env, _ctx, time) => {
    await purgeCardRequests(env.DB, new Date(time - IDEMPOTENCY_RETENTION_MS).toISOString());
  },
  purgeRejectedWithdrawals: async (env, _ctx, time) => {
    await purgeRejectedWithdrawals(env.DB, time - IDEMPOTENCY_RETENTION_MS);
  },
  // Kept an hour past expiry so a late replay reads "already used" or "expired", not "unknown".
  purgeRevealTickets: async (env, _ctx, time) => void (await purgeRevealTickets(env.DB, time - 60 * 60_000)),
};

/** The Worker's `scheduled` handler: runs every job, logs failures without throwing the others away. */
export async function runScheduledJobs(env: Bindings, ctx: ExecutionContext, scheduledTime: number, jobs = SCHEDULED_JOBS): Promise<void> {
  await Promise.all(
    Object.entries(jobs).map(async ([name, job]) => {
      try {
        await job(env, ctx, scheduledTime);
      } catch (e) {
        log.error("scheduled_job_failed", { job: name, error: (e as Error)?.name, code: (e as { code?: string })?.code });
      }
    }),
  );
}
