import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type RunningStack } from "../stack";
import { checkConsistency } from "./consistency";
import { openLocalD1 } from "./local-d1";
import { runLoad, type LoadReport } from "./load-run";
import { createSandboxClient } from "../support/sandbox/sandbox-client";
import { createWorkerClient } from "../support/sandbox/worker-client";

/**
 * The bounded load run of `npm test` (`npm run load` runs 200 and more): sixty people through the whole
 * API-level journey at once against the Worker under `wrangler dev`, then the same checks as the long run.
 */
const USERS = 60;
let stack: RunningStack;
let report: LoadReport;

beforeAll(async () => {
  stack = await startStack();
  report = await runLoad({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl, users: USERS, deadlineMs: 240_000 });
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

describe(`${USERS} people through the whole journey at once`, () => {
  it("all finish, with no Worker error on any call", () => {
    expect(report.failures).toEqual([]);
    expect(report.completed).toHaveLength(USERS);
    expect(Object.entries(report.calls).filter(([, c]) => c.non2xx > 0)).toEqual([]);
  });

  it("leave exactly one card, one deposit and one confirmed withdrawal each, at Machines, in D1 and in the Worker's answers", async () => {
    const db = openLocalD1(stack.worker.persistTo);
    try {
      const consistency = await checkConsistency({
        completed: report.completed,
        db,
        sandbox: createSandboxClient({ sandboxUrl: stack.sandboxUrl }),
        worker: createWorkerClient(stack.workerUrl),
      });
      expect(consistency.problems).toEqual([]);
      expect(consistency.checkedUsers).toBe(USERS);
      // The wallets are smart accounts: sixty people at once share the bundler's handleOps bundles.
      const bundles = db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT lower(confirmed_tx_hash)) AS txs FROM withdrawals WHERE status = 'confirmed'").get() as {
        n: number;
        txs: number;
      };
      console.info(`${bundles.n} withdrawals confirmed by ${bundles.txs} bundle transactions`);
    } finally {
      db.close();
    }
  }, 120_000);
});
