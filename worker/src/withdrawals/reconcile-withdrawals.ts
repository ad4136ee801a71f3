import type { Bindings } from "../env";
import { chainClient } from "../chain/chain-client";
import { readLatestBlock } from "../chain/read-latest-block";
import { AppError } from "../errors";
import { log } from "../logging/log";
import { settingsFrom } from "../settings/settings";
import { reconcileWithdrawal } from "./reconcile-withdrawal";
import { listWithdrawalsToReconcile, recordReconcileFailure } from "./withdrawal-chain.queries";

/** Withdrawals checked per Cron Trigger run: a bounded amount of work (and RPC calls) per invocation. */
export const RECONCILE_BATCH_SIZE = 50;
/** A row whose reads fail waits 1, 2, 4 … minutes (at most an hour) before the Cron Trigger tries it again. */
export function reconcileBackoffMs(failures: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, failures - 1));
}

export interface ReconcileSummary {
  checked: number;
  confirmed: number;
  failed: number;
  expired: number;
  unchanged: number;
  /** Rows whose own reads failed: stamped with the error and backed off; the run went on. */
  erred: number;
  /** True when the chain itself stopped answering; the rest waits for the next run. */
  chainUnavailable: boolean;
}

/**
 * The Cron Trigger's work: reconciles every submitted withdrawal (and ready ones whose signature ran
 * out) with the chain, least recently checked first. A row whose reads fail (a receipt the node cannot
 * serve, a range it refuses even at one block, a bug) is stamped with the error and backed off, and the
 * run goes on to the next row. Only when the chain itself stops answering (the head block cannot be
 * read either) does the run end early, leaving the rest for the next one.
 *
 * @example
 * export default { fetch: app.fetch, scheduled: (_event, env, ctx) => ctx.waitUntil(reconcileWithdrawals(env)) };
 */
export async function reconcileWithdrawals(env: Bindings, now: () => number = Date.now): Promise<ReconcileSummary> {
  const settings = settingsFrom(env);
  const chain = chainClient({ rpcUrl: settings.chain.rpcUrl, id: settings.chain.id, name: settings.chain.name });
  const deps = {
    db: env.DB,
    chain,
    chainId: settings.chain.id,
    entryPoints: settings.chain.entryPoints,
    logsMaxBlocks: settings.chain.logsMaxBlocks,
    now,
  };
  const summary: ReconcileSummary = { checked: 0, confirmed: 0, failed: 0, expired: 0, unchanged: 0, erred: 0, chainUnavailable: false };
  const due = await listWithdrawalsToReconcile(env.DB, now(), RECONCILE_BATCH_SIZE, settings.chain.id);
  for (const record of due) {
    try {
      const after = await reconcileWithdrawal(deps, record);
      summary.checked++;
      if (after.status === "confirmed" || after.status === "failed" || after.status === "expired") summary[after.status]++;
      else summary.unchanged++;
    } catch (error) {
      const code = error instanceof AppError ? error.code : ((error as Error)?.name ?? "unknown");
      if (code === "chain_unavailable" && !(await chainAnswers(chain))) {
        summary.chainUnavailable = true;
        break;
      }
      // This row's problem, not the chain's: note it, back it off, and carry on with the others.
      summary.erred++;
      const failures = record.reconcileFailures + 1;
      await recordReconcileFailure(env.DB, record.id, now(), code, now() + reconcileBackoffMs(failures));
      log.error("withdrawal_reconcile_failed", { withdrawalId: record.id, error: code, failures });
    }
  }
  log.info("withdrawals_reconciled", { ...summary });
  return summary;
}

async function chainAnswers(chain: ReturnType<typeof chainClient>): Promise<boolean> {
  try {
    await readLatestBlock(chain);
    return true;
  } catch {
    return false;
  }
}
