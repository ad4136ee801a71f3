import type { Bindings } from "../env";
import { chainClient } from "../chain/chain-client";
import { AppError } from "../errors";
import { log } from "../logging/log";
import { settingsFrom } from "../settings/settings";
import { reconcileWithdrawal } from "./reconcile-withdrawal";
import { listWithdrawalsToReconcile } from "./withdrawal-chain.queries";

/** Withdrawals checked per Cron Trigger run: a bounded amount of work (and RPC calls) per invocation. */
export const RECONCILE_BATCH_SIZE = 50;

export interface ReconcileSummary {
  checked: number;
  confirmed: number;
  failed: number;
  expired: number;
  unchanged: number;
  /** True when the chain stopped answering; the rest waits for the next run. */
  chainUnavailable: boolean;
}

/**
 * The Cron Trigger's work: reconciles every submitted withdrawal (and ready ones whose signature ran
 * out) with the chain, least recently checked first. Nothing is lost while the chain is down: the run
 * stops early and the next one picks up where the rows say.
 *
 * @example
 * export default { fetch: app.fetch, scheduled: (_event, env, ctx) => ctx.waitUntil(reconcileWithdrawals(env)) };
 */
export async function reconcileWithdrawals(env: Bindings, now: () => number = Date.now): Promise<ReconcileSummary> {
  const settings = settingsFrom(env);
  const chain = chainClient({ rpcUrl: settings.chain.rpcUrl, id: settings.chain.id, name: settings.chain.name });
  const deps = { db: env.DB, chain, chainId: settings.chain.id, now };
  const summary: ReconcileSummary = { checked: 0, confirmed: 0, failed: 0, expired: 0, unchanged: 0, chainUnavailable: false };
  const due = await listWithdrawalsToReconcile(env.DB, now(), RECONCILE_BATCH_SIZE, settings.chain.id);
  for (const record of due) {
    try {
      const after = await reconcileWithdrawal(deps, record);
      summary.checked++;
      if (after.status === "confirmed" || after.status === "failed" || after.status === "expired") summary[after.status]++;
      else summary.unchanged++;
    } catch (error) {
      if (error instanceof AppError && error.code === "chain_unavailable") {
        summary.chainUnavailable = true;
        break;
      }
      // One bad row must not stop the others; its id and the error's name are enough to find it.
      log.error("withdrawal_reconcile_failed", { withdrawalId: record.id, error: (error as Error)?.name ?? "unknown" });
    }
  }
  log.info("withdrawals_reconciled", { ...summary });
  return summary;
}
