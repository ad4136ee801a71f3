import type { WithdrawalCreateData, WithdrawalCreateRequest } from "@machines-card/contract/machines/withdrawals";
import type { ChainClient } from "../chain/chain-client";
import { readLatestBlock } from "../chain/read-latest-block";
import { type BindingDeps, bindToRequest, refusalError } from "./binding/bind-to-request";
import { MachinesApiError } from "../upstream/machines/errors";
import { problemError } from "./problem-error";
import { readUpstreamReply } from "./upstream-reply";
import type { UpstreamRejection, WithdrawalRecord } from "./withdrawal-record";
import {
  acquireUpstreamLease,
  recordPendingReply,
  recordReadyReply,
  recordRejection,
  releaseUpstreamLease,
} from "./withdrawal-upstream.queries";
import { findWithdrawalByKey } from "./withdrawals.queries";

/** `POST /withdrawals` at Machines (`machinesApi.createWithdrawal`), with the stored body under the stored key. */
export type CreateUpstreamWithdrawal = (request: { body: WithdrawalCreateRequest; idempotencyKey: string }) => Promise<WithdrawalCreateData>;

export interface AdvanceDeps extends BindingDeps {
  db: D1Database;
  createUpstream: CreateUpstreamWithdrawal;
  /** For the block a ready withdrawal starts at (reconciliation searches from there); optional. */
  chain: ChainClient | null;
  /** How long one holder may keep the right to call Machines: longer than a whole upstream call. */
  leaseMs: number;
  now: () => number;
}

/** Machines' statuses that mean "this create was refused and nothing was made". */
const REFUSALS = new Set([400, 404, 409, 422]);

/**
 * Asks Machines again about a pending withdrawal (the first call, or a retry once its
 * `retryAfterSeconds` have passed), always with the same key (the row id) and the same body.
 * Only the request holding the row's lease calls; any other gets the row back unchanged.
 *
 * @throws the Machines error (its code kept), or 502 `upstream_invalid_response` for a reply that
 *   cannot be executed safely; the row is left as it was, to be retried with the same key.
 */
export async function advanceWithdrawal(deps: AdvanceDeps, record: WithdrawalRecord): Promise<WithdrawalRecord> {
  if (record.status !== "pending") return record;
  const leaseId = crypto.randomUUID();
  const start = deps.now();
  const leased = await acquireUpstreamLease(deps.db, record.id, leaseId, start, start + deps.leaseMs);
  if (!leased) return record;

  let reply: WithdrawalCreateData;
  try {
    reply = await deps.createUpstream({ body: JSON.parse(leased.upstreamRequest) as WithdrawalCreateRequest, idempotencyKey: leased.id });
  } catch (error) {
    const rejection = leased.upstreamReplied ? null : rejectionOf(error);
    if (rejection) await recordRejection(deps.db, leased.id, leaseId, deps.now(), rejection);
    else await releaseUpstreamLease(deps.db, leased.id, leaseId, deps.now());
    throw error;
  }

  const read = readUpstreamReply(reply, deps.now());
  if (!read.ok) {
    await releaseUpstreamLease(deps.db, leased.id, leaseId, deps.now());
    throw problemError(read.problem);
  }
  const value = read.value;
  let assetDecimals: number | null = null;
  if (value.status === "ready") {
    // Bound to the request before anything is kept: a ready reply that differs is never stored, so it can
    // never be prepared; the row stays pending (and asks Machines again, same key, on the next read).
    let bound;
    try {
      bound = await bindToRequest(deps, leased, value);
    } catch (error) {
      await releaseUpstreamLease(deps.db, leased.id, leaseId, deps.now());
      throw error;
    }
    if (bound.refusal) {
      await releaseUpstreamLease(deps.db, leased.id, leaseId, deps.now());
      throw refusalError(bound.refusal);
    }
    assetDecimals = bound.decimals;
  }
  const saved =
    value.status === "pending"
      ? await recordPendingReply(deps.db, leased.id, leaseId, deps.now(), value)
      : await recordReadyReply(deps.db, leased.id, leaseId, deps.now(), { ...value, assetDecimals, readyBlock: await headBlock(deps.chain) });
  // Null only if our lease lapsed and another request took over: the row is theirs now.
  return saved ?? (await findWithdrawalByKey(deps.db, leased.partnerUserId, leased.idempotencyKey)) ?? leased;
}

function rejectionOf(error: unknown): UpstreamRejection | null {
  if (!(error instanceof MachinesApiError) || !REFUSALS.has(error.upstreamStatus)) return null;
  return { status: error.upstreamStatus, code: String(error.code), message: error.message, field: error.field ?? null };
}

/** The chain head, or null if the chain cannot say (reconciliation then searches a recent window). */
async function headBlock(chain: ChainClient | null): Promise<number | null> {
  if (!chain) return null;
  try {
    return Number((await readLatestBlock(chain)).number);
  } catch {
    return null;
  }
}
