import type { Context } from "hono";
import { getAddress } from "viem";
import { recordAudit } from "../../audit/audit.queries";
import type { AppEnv } from "../../env";
import { requestIdsOf } from "../../http/edge";
import { AppError } from "../../errors";
import { enforceRateLimit } from "../../rate-limit/rate-limit";
import { advanceWithdrawal } from "../../withdrawals/advance-withdrawal";
import { type CreateWithdrawalInput, requestFingerprint, upstreamCreateRequest } from "../../withdrawals/create-request";
import type { WithdrawalRecord } from "../../withdrawals/withdrawal-record";
import { deleteUnstartedWithdrawal, findWithdrawalByKey, insertOrGetWithdrawal } from "../../withdrawals/withdrawals.queries";
import { withdrawalDeps, type WithdrawalRequestDeps } from "./withdrawal-deps";

const POLL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `wd_` and 32 hex digits: URL-safe, and also the Idempotency-Key this withdrawal uses at Machines. */
export function newWithdrawalId(): string {
  return `wd_${crypto.randomUUID().replace(/-/g, "")}`;
}

/**
 * `POST /v1/withdrawals`. The row (keyed by user and Idempotency-Key) is written before Machines is
 * called, so any number of requests with one key make one withdrawal: exactly one of them inserts it,
 * one at a time holds the right to call Machines, and the rest return the same row (waiting for the
 * first reply when it is in flight). Repeating the key follows a pending withdrawal: once its
 * `retryAfterSeconds` have passed, Machines is asked again with the same upstream key and body.
 * Only new withdrawals count against the per-user rate limit.
 */
export async function createWithdrawalFor(c: Context<AppEnv>, input: CreateWithdrawalInput, idempotencyKey: string): Promise<WithdrawalRecord> {
  const { partnerUserId, walletAddress } = c.get("user").user;
  const adminAddress = getAddress(walletAddress);
  const deps = withdrawalDeps(c);
  const fingerprint = await requestFingerprint(input);
  const upstreamRequest = JSON.stringify(upstreamCreateRequest(input, adminAddress));

  for (let attempt = 0; attempt < 3; attempt++) {
    const { record, created } = await insertOrGetWithdrawal(deps.db, {
      id: newWithdrawalId(),
      partnerUserId,
      idempotencyKey,
      requestFingerprint: fingerprint,
      upstreamRequest,
      amountCents: input.amountCents,
      destination: { ...input.destination, extraId: input.destination.extraId ?? null },
      adminAddress,
      nowMs: deps.now(),
    });
    if (record.requestFingerprint !== fingerprint) {
      throw new AppError("idempotency_conflict", "this Idempotency-Key was used for a different withdrawal; use a new key", { field: "Idempotency-Key" });
    }
    if (created) {
      try {
        await enforceRateLimit(c.env, "withdrawalCreate", partnerUserId);
      } catch (error) {
        await deleteUnstartedWithdrawal(deps.db, record.id);
        await audit(c, deps, { partnerUserId, resourceId: null, outcome: "rate_limited" });
        throw error;
      }
    }
    const advanced = replayRejection(await advanceOrRecordFailure(c, deps, record, created));
    if (advanced.upstreamReplied || advanced.status !== "pending") return advanced;
    // Another request with this key is making the first call to Machines: wait for its outcome.
    const settled = await awaitFirstReply(deps, advanced);
    if (settled) return replayRejection(settled);
  }
  throw new AppError("invalid_state", "this withdrawal keeps changing; read it again", { field: "Idempotency-Key" });
}

/** One `withdrawal.create` audit row: who, which withdrawal, how it ended. No amount, address or body. */
function audit(c: Context<AppEnv>, deps: WithdrawalRequestDeps, e: { partnerUserId: string; resourceId: string | null; outcome: string }) {
  return recordAudit(deps.db, {
    ...e,
    action: "withdrawal.create",
    ...requestIdsOf(c),
    createdAt: new Date(deps.now()).toISOString(),
  });
}

/** Calls Machines if it is this request's turn; a new withdrawal's first outcome is audited. */
async function advanceOrRecordFailure(c: Context<AppEnv>, deps: WithdrawalRequestDeps, record: WithdrawalRecord, created: boolean) {
  const outcome = (o: string) => audit(c, deps, { partnerUserId: record.partnerUserId, resourceId: record.id, outcome: o });
  try {
    const advanced = await advanceWithdrawal(deps, record);
    if (created) await outcome("succeeded");
    return advanced;
  } catch (error) {
    if (created) await outcome(error instanceof AppError ? String(error.code) : "failed");
    throw error;
  }
}

/** Machines refused this key's first create: every request with the key gets the same answer. */
function replayRejection(record: WithdrawalRecord): WithdrawalRecord {
  const r = record.rejection;
  if (record.status !== "rejected" || !r) return record;
  throw new AppError(r.code, r.message, { status: r.status, ...(r.field !== null && { field: r.field }) });
}

/** The row once its first Machines call has ended (or the wait is over); null if it vanished (rate-limited creator). */
async function awaitFirstReply(deps: WithdrawalRequestDeps, record: WithdrawalRecord): Promise<WithdrawalRecord | null> {
  const deadline = deps.now() + deps.firstReplyWaitMs;
  let current: WithdrawalRecord | null = record;
  while (deps.now() < deadline) {
    await sleep(POLL_MS);
    current = await findWithdrawalByKey(deps.db, record.partnerUserId, record.idempotencyKey);
    if (!current) return null;
    if (current.upstreamReplied || current.status !== "pending" || current.leaseId === null) return current;
  }
  return current;
}
