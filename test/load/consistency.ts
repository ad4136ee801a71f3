/**
 * After a load run: is everything where it should be, exactly once? Checked three ways, each apart from
 * the others: what Machines holds (the simulator's controls), what the Worker stored (its local D1 file,
 * read directly), and what the Worker answers (its own list routes).
 */
import type { DatabaseSync } from "node:sqlite";
import type { JourneyFacts } from "./api-journey";
import type { SandboxClient } from "../support/sandbox/sandbox-client";
import type { WorkerClient } from "../support/sandbox/worker-client";

export interface ConsistencyReport {
  /** One line per problem; empty when everything is consistent. */
  problems: string[];
  checkedUsers: number;
}

const lower = (s: string | null | undefined) => (s ?? "").toLowerCase();

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

export async function checkConsistency(o: {
  completed: JourneyFacts[];
  db: DatabaseSync;
  sandbox: SandboxClient;
  worker: WorkerClient;
  /**
   * Without faults, each audited action happened once and succeeded (the default). Under faults, a failed
   * attempt is audited too (the retry then succeeds): at least one row per action.
   */
  faults?: boolean;
  /** Audited actions the journeys performed (default: all four). */
  auditedActions?: string[];
}): Promise<ConsistencyReport> {
  const problems: string[] = [];
  const { db } = o;
  const count = (sql: string, ...params: (string | number)[]) => Number((db.prepare(sql).get(...params) as { n: number }).n);

  // D1 as a whole: no duplicates, no orphans.
  const duplicateUsers = count("SELECT COUNT(*) AS n FROM (SELECT crossmint_user_id FROM users GROUP BY crossmint_user_id HAVING COUNT(*) > 1)");
  if (duplicateUsers) problems.push(`D1: ${duplicateUsers} people linked more than once`);
  const orphans = count("SELECT COUNT(*) AS n FROM withdrawals w LEFT JOIN users u ON u.partner_user_id = w.partner_user_id WHERE u.partner_user_id IS NULL");
  if (orphans) problems.push(`D1: ${orphans} withdrawals of no user`);
  // One bundle transaction may carry several people's withdrawals (smart accounts' user operations), but
  // each withdrawal is confirmed by a log of its own: (transaction, log index) is never shared.
  const sharedLogs = count(
    "SELECT COUNT(*) AS n FROM (SELECT confirmed_tx_hash FROM withdrawals WHERE confirmed_tx_hash IS NOT NULL GROUP BY lower(confirmed_tx_hash), confirmed_log_index HAVING COUNT(*) > 1)",
  );
  if (sharedLogs) problems.push(`D1: ${sharedLogs} transaction logs confirm more than one withdrawal`);
  const unkeyed = count("SELECT COUNT(*) AS n FROM withdrawals WHERE status = 'confirmed' AND confirmed_log_index IS NULL");
  if (unkeyed) problems.push(`D1: ${unkeyed} confirmed withdrawals without the log that proves them`);

  await inBatches(o.completed, 20, async (r) => {
    const who = `${r.email} (${r.partnerUserId})`;
    // The Worker's D1.
    const withdrawals = db.prepare("SELECT id, status, submitted_tx_hash, confirmed_tx_hash FROM withdrawals WHERE partner_user_id = ? AND status <> 'rejected'").all(r.partnerUserId) as {
      id: string;
      status: string;
      submitted_tx_hash: string | null;
      confirmed_tx_hash: string | null;
    }[];
    if (withdrawals.length !== 1) problems.push(`D1: ${who} has ${withdrawals.length} withdrawals`);
    const w = withdrawals[0];
    if (w && (w.id !== r.withdrawalId || w.status !== "confirmed" || lower(w.submitted_tx_hash) !== lower(r.txHash) || lower(w.confirmed_tx_hash) !== lower(r.txHash))) {
      problems.push(`D1: ${who} withdrawal ${w.id} is ${w.status}, submitted ${w.submitted_tx_hash}, confirmed ${w.confirmed_tx_hash}; expected ${r.withdrawalId} confirmed with ${r.txHash}`);
    }
    const cardRequests = db.prepare("SELECT card_id FROM card_requests WHERE partner_user_id = ?").all(r.partnerUserId) as { card_id: string | null }[];
    if (cardRequests.length !== 1 || cardRequests[0]!.card_id !== r.cardId) problems.push(`D1: ${who} has card requests ${JSON.stringify(cardRequests)}, expected one for ${r.cardId}`);
    const sessions = count("SELECT COUNT(*) AS n FROM partner_sessions WHERE partner_user_id = ?", r.partnerUserId);
    if (sessions > 2) problems.push(`D1: ${who} has ${sessions} partner sessions`);
    for (const action of o.auditedActions ?? ["kyc.submit", "card.reveal", "withdrawal.create", "withdrawal.submit"]) {
      const outcomes = (db.prepare("SELECT outcome FROM audit_events WHERE partner_user_id = ? AND action = ?").all(r.partnerUserId, action) as { outcome: string }[]).map((a) => a.outcome);
      const success = action === "kyc.submit" ? "approved" : "succeeded";
      const ok = o.faults ? outcomes.length >= 1 : outcomes.length === 1 && outcomes[0] === success;
      if (!ok) problems.push(`D1: ${who} has ${action} audit outcomes [${outcomes.join(", ")}]`);
    }

    // Machines (the simulator): its chain watcher marks the withdrawal executed when it sees the transfer.
    let held = await o.sandbox.user(r.machinesUserId);
    for (let i = 0; i < 40 && held.withdrawals.some((w) => w.executedTxHash === null); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      held = await o.sandbox.user(r.machinesUserId);
    }
    if (held.cards.length !== 1 || held.cards[0]!.cardId !== r.cardId) problems.push(`Machines: ${who} holds cards ${held.cards.map((c) => c.cardId).join(", ")}`);
    if (held.withdrawals.length !== 1 || lower(held.withdrawals[0]!.executedTxHash) !== lower(r.txHash)) {
      problems.push(`Machines: ${who} holds ${held.withdrawals.length} withdrawals (${held.withdrawals.map((x) => x.executedTxHash).join(", ")})`);
    }
    const deposits = held.deposits.filter((d) => d.status === "completed");
    if (held.deposits.length !== 1 || deposits.length !== 1) problems.push(`Machines: ${who} has deposits ${held.deposits.map((d) => d.status).join(", ")}`);

    // The Worker's own answers.
    const t = { token: r.token };
    const cards = (await o.worker.ok("listCards", t)).cards;
    if (cards.length !== 1 || cards[0]!.id !== r.cardId) problems.push(`Worker: ${who} lists cards ${cards.map((c) => c.id).join(", ")}`);
    const listed = (await o.worker.ok("listWithdrawals", t)).withdrawals;
    if (listed.length !== 1 || listed[0]!.status !== "confirmed" || listed[0]!.id !== r.withdrawalId) {
      problems.push(`Worker: ${who} lists withdrawals ${listed.map((x) => `${x.id} ${x.status}`).join(", ")}`);
    }
  });
  return { problems, checkedUsers: o.completed.length };
}
