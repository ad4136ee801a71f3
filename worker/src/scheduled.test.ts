import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import worker from "./index";
import { claimCardRequest } from "./cards/card-requests.queries";
import { runScheduledJobs } from "./scheduled";

const HOUR = 60 * 60_000;
const request = (key: string, createdAt: string) => ({
  partnerUserId: "mc_cron",
  idempotencyKey: key,
  requestHash: "h",
  upstreamBody: "{}",
  cardId: null,
  createdAt,
});
const keys = async () =>
  (await env.DB.prepare("SELECT idempotency_key FROM card_requests WHERE partner_user_id = 'mc_cron' ORDER BY idempotency_key").all<{ idempotency_key: string }>()).results.map(
    (r) => r.idempotency_key,
  );

describe("the Cron Trigger", () => {
  it("forgets card idempotency records older than 24 hours", async () => {
    const now = Date.parse("2026-03-01T12:00:00.000Z");
    await claimCardRequest(env.DB, request("key-old-0001", new Date(now - 25 * HOUR).toISOString()));
    await claimCardRequest(env.DB, request("key-new-0001", new Date(now - 23 * HOUR).toISOString()));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: "*/5 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await keys()).toEqual(["key-new-0001"]);
  });

  it("runs every job even when one fails, and logs the failure without its message", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const ran: string[] = [];
    await runScheduledJobs(env, createExecutionContext(), Date.now(), {
      broken: async () => {
        throw new Error("sk_secret_in_message");
      },
      fine: async () => void ran.push("fine"),
    });
    expect(ran).toEqual(["fine"]);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![0])).toContain("scheduled_job_failed");
    expect(String(error.mock.calls[0]![0])).not.toContain("sk_secret_in_message");
    error.mockRestore();
  });
});
