import { env } from "cloudflare:test";
import type { Address, Hash } from "viem";
import { beforeEach, describe, expect, it } from "vitest";
import { saveUser } from "../users/users.queries";
import type { WithdrawalCallParameters } from "./call-parameters";
import type { WithdrawalExecution } from "./execution";
import {
  type Confirmation,
  listWithdrawalsToReconcile,
  recordAdminSalt,
  recordConfirmed,
  recordOutcome,
  recordReconciled,
  recordReconcileFailure,
  recordSubmission,
  recordSubmittedKind,
  reopenSubmission,
  type Submission,
} from "./withdrawal-chain.queries";
import {
  acquireUpstreamLease,
  recordPendingReply,
  recordRejection,
  recordReadyReply,
  releaseUpstreamLease,
} from "./withdrawal-upstream.queries";
import {
  findWithdrawal,
  findWithdrawalByKey,
  insertOrGetWithdrawal,
  listWithdrawals,
  type NewWithdrawal,
  purgeRejectedWithdrawals,
} from "./withdrawals.queries";

const db = env.DB;
const WALLET = "0x9999999999999999999999999999999999999999" as Address;
const T0 = 1_800_000_000_000;
const execution: WithdrawalExecution = {
  callPath: "coordinator_v2",
  callTarget: "0x5555555555555555555555555555555555555555",
  chainId: 31337,
  collateralProxyAddress: "0x1111111111111111111111111111111111111111",
  contractVersion: 2,
  contractId: "contract-1",
};
const parameters: WithdrawalCallParameters = {
  collateralProxy: "0x1111111111111111111111111111111111111111",
  asset: "0x2222222222222222222222222222222222222222",
  amount: 2n ** 70n,
  recipient: "0x3333333333333333333333333333333333333333",
  expiresAt: T0 / 1000 + 600,
  executorSalt: `0x${"ee".repeat(32)}`,
  executorSignature: `0x${"ab".repeat(65)}`,
};
const HASH_A = `0x${"a1".repeat(32)}` as Hash;
const HASH_B = `0x${"b2".repeat(32)}` as Hash;
const HASH_C = `0x${"c3".repeat(32)}` as Hash;
const submission = (hash: Hash): Submission => ({ hash, kind: null, inTxHash: null });
const confirmation = (txHash: Hash, logIndex: number): Confirmation => ({ txHash, logIndex, userOpHash: null, blockNumber: 40 });

let user = "";
let counter = 0;

async function newUser(): Promise<string> {
  const id = `user-${crypto.randomUUID()}`;
  await saveUser(db, {
    partnerUserId: id,
    crossmintUserId: `cm-${id}`,
    machinesUserId: `m-${id}`,
    walletAddress: WALLET.toLowerCase(),
    kycStatus: "approved",
    linkedAt: new Date(T0).toISOString(),
    lastUsedAt: new Date(T0).toISOString(),
  });
  return id;
}

function draft(overrides: Partial<NewWithdrawal> = {}): NewWithdrawal {
  counter++;
  return {
    id: `wd-${crypto.randomUUID()}`,
    partnerUserId: user,
    idempotencyKey: `key-${counter}-${crypto.randomUUID()}`,
    requestFingerprint: "fingerprint-1",
    upstreamRequest: '{"amountCents":500}',
    amountCents: 500,
    destination: { currency: "rusd", network: "base", address: "0x3333333333333333333333333333333333333333", extraId: null },
    adminAddress: WALLET,
    nowMs: T0 + counter,
    ...overrides,
  };
}

/** A row that Machines has answered `ready` for. */
async function readyWithdrawal(p: WithdrawalCallParameters = parameters) {
  const { record } = await insertOrGetWithdrawal(db, draft());
  await acquireUpstreamLease(db, record.id, "lease", T0, T0 + 30_000);
  return (await recordReadyReply(db, record.id, "lease", T0, { execution, relay: null, parameters: p, readyBlock: 12, assetDecimals: 6 }))!;
}

beforeEach(async () => {
  user = await newUser();
});

describe("insertOrGetWithdrawal", () => {
  it("creates a pending row once per (user, key) and hands every later caller the same row", async () => {
    const first = draft();
    const created = await insertOrGetWithdrawal(db, first);
    expect(created.created).toBe(true);
    expect(created.record).toMatchObject({ id: first.id, status: "pending", upstreamReplied: false, adminAddress: WALLET, amountCents: 500 });

    const again = await insertOrGetWithdrawal(db, { ...first, id: "wd-another-id", requestFingerprint: "other" });
    expect(again).toEqual({ record: created.record, created: false });
  });

  it("lets exactly one of fifty concurrent inserts with the same key create the row", async () => {
    const key = `key-race-${crypto.randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 50 }, () => insertOrGetWithdrawal(db, draft({ idempotencyKey: key }))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
  });

  it("scopes keys to the user", async () => {
    const key = `shared-key-${crypto.randomUUID()}`;
    const mine = await insertOrGetWithdrawal(db, draft({ idempotencyKey: key }));
    const other = await newUser();
    const theirs = await insertOrGetWithdrawal(db, draft({ idempotencyKey: key, partnerUserId: other }));
    expect(theirs.created).toBe(true);
    expect(theirs.record.id).not.toBe(mine.record.id);
  });
});

describe("reads", () => {
  it("finds a withdrawal only for its owner", async () => {
    const { record } = await insertOrGetWithdrawal(db, draft());
    expect(await findWithdrawal(db, user, record.id)).toEqual(record);
    expect(await findWithdrawal(db, await newUser(), record.id)).toBeNull();
    expect(await findWithdrawalByKey(db, user, record.idempotencyKey)).toEqual(record);
  });

  it("lists the user's withdrawals newest first", async () => {
    const older = await insertOrGetWithdrawal(db, draft({ nowMs: T0 + 1 }));
    const newer = await insertOrGetWithdrawal(db, draft({ nowMs: T0 + 2 }));
    await insertOrGetWithdrawal(db, draft({ partnerUserId: await newUser() }));
    expect((await listWithdrawals(db, user)).map((w) => w.id)).toEqual([newer.record.id, older.record.id]);
  });
});

describe("the upstream lease", () => {
  it("goes to one holder at a time, and again once released or lapsed", async () => {
    const { record } = await insertOrGetWithdrawal(db, draft());
    expect(await acquireUpstreamLease(db, record.id, "a", T0, T0 + 30_000)).toMatchObject({ leaseId: "a" });
    expect(await acquireUpstreamLease(db, record.id, "b", T0 + 1, T0 + 30_000)).toBeNull();
    // A holder that died: its lease lapses.
    expect(await acquireUpstreamLease(db, record.id, "c", T0 + 30_000, T0 + 60_000)).toMatchObject({ leaseId: "c" });
    await releaseUpstreamLease(db, record.id, "c", T0 + 30_001);
    expect(await acquireUpstreamLease(db, record.id, "d", T0 + 30_002, T0 + 60_000)).toMatchObject({ leaseId: "d" });
  });

  it("is granted to one of many concurrent requests", async () => {
    const { record } = await insertOrGetWithdrawal(db, draft());
    const leases = await Promise.all(Array.from({ length: 20 }, (_, i) => acquireUpstreamLease(db, record.id, `l${i}`, T0, T0 + 30_000)));
    expect(leases.filter(Boolean)).toHaveLength(1);
  });

  it("waits for Machines' retry time after a pending reply", async () => {
    const { record } = await insertOrGetWithdrawal(db, draft());
    await acquireUpstreamLease(db, record.id, "a", T0, T0 + 30_000);
    const pending = await recordPendingReply(db, record.id, "a", T0, { retryAfterSeconds: 2, nextAttemptAtMs: T0 + 2000, execution, relay: null });
    expect(pending).toMatchObject({ status: "pending", upstreamReplied: true, upstreamAttempts: 1, retryAfterSeconds: 2, leaseId: null, execution });
    expect(await acquireUpstreamLease(db, record.id, "b", T0 + 1999, T0 + 40_000)).toBeNull();
    expect(await acquireUpstreamLease(db, record.id, "b", T0 + 2000, T0 + 40_000)).toMatchObject({ leaseId: "b" });
  });

  it("only lets the holder record a reply", async () => {
    const { record } = await insertOrGetWithdrawal(db, draft());
    await acquireUpstreamLease(db, record.id, "a", T0, T0 + 30_000);
    expect(await recordReadyReply(db, record.id, "not-a", T0, { execution, relay: null, parameters, readyBlock: 1, assetDecimals: 6 })).toBeNull();
  });

  it("keeps Machines' refusal of a first create for the key, hidden from reads and lists", async () => {
    const rejection = { status: 422, code: "insufficient_collateral", message: "Collateral balance 0 is lower", field: null };
    const refused = await insertOrGetWithdrawal(db, draft());
    await acquireUpstreamLease(db, refused.record.id, "a", T0, T0 + 30_000);
    expect(await recordRejection(db, refused.record.id, "a", T0, rejection)).toMatchObject({ status: "rejected", rejection, leaseId: null });
    expect(await findWithdrawal(db, user, refused.record.id)).toBeNull();
    expect(await listWithdrawals(db, user)).toEqual([]);
    expect(await findWithdrawalByKey(db, user, refused.record.idempotencyKey)).toMatchObject({ status: "rejected", rejection });
    expect(await acquireUpstreamLease(db, refused.record.id, "b", T0 + 60_000, T0 + 90_000)).toBeNull();
  });

  it("forgets a refusal once its key is older than the retention, and never a withdrawal that exists upstream", async () => {
    const rejection = { status: 422, code: "insufficient_collateral", message: "Collateral balance 0 is lower", field: null };
    const refused = await insertOrGetWithdrawal(db, draft());
    await acquireUpstreamLease(db, refused.record.id, "a", T0, T0 + 30_000);
    await recordRejection(db, refused.record.id, "a", T0, rejection);
    const kept = await insertOrGetWithdrawal(db, draft());
    await purgeRejectedWithdrawals(db, T0); // not older than the cut-off yet
    expect(await findWithdrawalByKey(db, user, refused.record.idempotencyKey)).toMatchObject({ status: "rejected" });
    expect(await purgeRejectedWithdrawals(db, T0 + 1)).toBeGreaterThanOrEqual(1);
    expect(await findWithdrawalByKey(db, user, refused.record.idempotencyKey)).toBeNull();
    expect(await findWithdrawal(db, user, kept.record.id)).toMatchObject({ status: "pending" });
  });

  it("never marks a withdrawal Machines has answered for as rejected", async () => {
    const answered = await insertOrGetWithdrawal(db, draft());
    await acquireUpstreamLease(db, answered.record.id, "a", T0, T0 + 30_000);
    await recordPendingReply(db, answered.record.id, "a", T0, { retryAfterSeconds: 0, nextAttemptAtMs: T0, execution, relay: null });
    await acquireUpstreamLease(db, answered.record.id, "b", T0, T0 + 30_000);
    expect(await recordRejection(db, answered.record.id, "b", T0, { status: 400, code: "invalid_request", message: "x", field: null })).toBeNull();
    expect(await findWithdrawal(db, user, answered.record.id)).toMatchObject({ status: "pending" });
  });
});

describe("ready, submitted and the outcomes", () => {
  it("keeps the normalised parameters exactly, including amounts beyond 2^53", async () => {
    const ready = await readyWithdrawal();
    expect(ready).toMatchObject({ status: "ready", parameters, execution, readyBlock: 12, assetDecimals: 6, nextAttemptAtMs: null });
  });

  it("records the admin salt while ready or submitted (a candidate hash may be replaced), not after", async () => {
    const ready = await readyWithdrawal();
    const salted = await recordAdminSalt(db, ready.id, T0 + 5, `0x${"5a".repeat(32)}`, 7n);
    expect(salted).toMatchObject({ adminSalt: `0x${"5a".repeat(32)}`, adminNonce: 7n, adminSaltIssuedAtMs: T0 + 5 });
    await recordSubmission(db, ready.id, T0 + 6, submission(HASH_A));
    expect(await recordAdminSalt(db, ready.id, T0 + 7, `0x${"5b".repeat(32)}`, 8n)).toMatchObject({ adminNonce: 8n });
    await recordConfirmed(db, ready.id, T0 + 8, confirmation(HASH_A, 3));
    expect(await recordAdminSalt(db, ready.id, T0 + 9, `0x${"5c".repeat(32)}`, 9n)).toBeNull();
  });

  it("takes a submission, the same hash again (keeping its time), and a later hash as the new candidate", async () => {
    const ready = await readyWithdrawal();
    expect(await recordSubmission(db, ready.id, T0 + 10, submission(HASH_A))).toMatchObject({
      status: "submitted",
      submittedTxHash: HASH_A,
      submittedHashKind: null,
      submittedAtMs: T0 + 10,
    });
    expect(await recordSubmission(db, ready.id, T0 + 11, submission(HASH_A))).toMatchObject({ status: "submitted", submittedAtMs: T0 + 10 });
    expect(await recordSubmission(db, ready.id, T0 + 12, { hash: HASH_B, kind: "user_operation", inTxHash: HASH_C })).toMatchObject({
      submittedTxHash: HASH_B,
      submittedHashKind: "user_operation",
      submittedInTxHash: HASH_C,
      submittedAtMs: T0 + 12,
    });
    expect(await recordSubmittedKind(db, ready.id, T0 + 13, { hash: HASH_A, kind: "transaction", inTxHash: null })).toBeNull();
  });

  it("does not accept a submission for a pending withdrawal", async () => {
    const { record } = await insertOrGetWithdrawal(db, draft());
    expect(await recordSubmission(db, record.id, T0, submission(HASH_A))).toBeNull();
  });

  it("confirms once per log: two withdrawals in one bundle transaction each hold their own log, never the same one", async () => {
    const a = await readyWithdrawal();
    const b = await readyWithdrawal({ ...parameters, executorSalt: `0x${"ff".repeat(32)}` });
    await recordSubmission(db, a.id, T0, submission(HASH_A));
    expect(await recordConfirmed(db, a.id, T0 + 1, confirmation(HASH_A, 4))).toMatchObject({
      status: "confirmed",
      confirmedTxHash: HASH_A,
      confirmedLogIndex: 4,
      confirmedBlock: 40,
    });
    expect(await recordConfirmed(db, a.id, T0 + 2, confirmation(HASH_B, 1))).toBeNull();
    expect(await recordConfirmed(db, b.id, T0 + 2, confirmation(HASH_A, 4))).toBeNull();
    expect(await findWithdrawal(db, user, b.id)).toMatchObject({ status: "ready" });
    expect(await recordConfirmed(db, b.id, T0 + 2, confirmation(HASH_A, 9))).toMatchObject({ status: "confirmed", confirmedTxHash: HASH_A, confirmedLogIndex: 9 });
    expect(await recordOutcome(db, a.id, T0 + 3, "failed", "late")).toBeNull();
  });

  it("never lets two concurrent confirmations hold the same log", async () => {
    const rows = await Promise.all(Array.from({ length: 6 }, (_, i) => readyWithdrawal({ ...parameters, executorSalt: `0x${String(i).repeat(64)}` })));
    const results = await Promise.all(rows.map((r) => recordConfirmed(db, r.id, T0, confirmation(HASH_C, 7))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("records failed and expired with their reason, once", async () => {
    const a = await readyWithdrawal();
    await recordSubmission(db, a.id, T0, submission(HASH_A));
    expect(await recordOutcome(db, a.id, T0 + 1, "failed", "reverted: Expired signature")).toMatchObject({
      status: "failed",
      failureReason: "reverted: Expired signature",
    });
    const b = await readyWithdrawal();
    expect(await recordOutcome(db, b.id, T0 + 1, "expired", "the signature expired")).toMatchObject({ status: "expired" });
    expect(await recordOutcome(db, b.id, T0 + 2, "failed", "again")).toBeNull();
  });

  it("reopens a submission whose transaction was not this withdrawal", async () => {
    const a = await readyWithdrawal();
    await recordSubmission(db, a.id, T0, { hash: HASH_A, kind: "transaction", inTxHash: null });
    expect(await reopenSubmission(db, a.id, T0 + 1, HASH_B, "x")).toBeNull();
    expect(await reopenSubmission(db, a.id, T0 + 1, HASH_A, "not this withdrawal")).toMatchObject({
      status: "ready",
      submittedTxHash: null,
      submittedHashKind: null,
      failureReason: "not this withdrawal",
    });
  });
});

describe("listWithdrawalsToReconcile", () => {
  it("lists submitted ones and ready ones past their expiry, least recently checked first", async () => {
    const submitted = await readyWithdrawal();
    await recordSubmission(db, submitted.id, T0, submission(HASH_A));
    const fresh = await readyWithdrawal({ ...parameters, expiresAt: T0 / 1000 + 10_000 });
    const stale = await readyWithdrawal({ ...parameters, expiresAt: T0 / 1000 - 1 });
    const ids = (await listWithdrawalsToReconcile(db, T0, 1000, 31337)).map((w) => w.id);
    expect(ids).toContain(submitted.id);
    expect(ids).toContain(stale.id);
    expect(ids).not.toContain(fresh.id);
    expect(await listWithdrawalsToReconcile(db, T0, 1000, 1)).toEqual([]);
  });

  it("skips a row backing off after a failed read until its next attempt, and a clean check clears the error", async () => {
    const row = await readyWithdrawal();
    await recordSubmission(db, row.id, T0, submission(HASH_A));
    await recordReconcileFailure(db, row.id, T0, "chain_unavailable", T0 + 60_000);
    expect(await findWithdrawal(db, user, row.id)).toMatchObject({ reconcileError: "chain_unavailable", reconcileFailures: 1, nextReconcileAtMs: T0 + 60_000 });
    expect((await listWithdrawalsToReconcile(db, T0 + 59_999, 1000, 31337)).map((w) => w.id)).not.toContain(row.id);
    expect((await listWithdrawalsToReconcile(db, T0 + 60_000, 1000, 31337)).map((w) => w.id)).toContain(row.id);
    await recordReconciled(db, row.id, T0 + 60_001, 123);
    expect(await findWithdrawal(db, user, row.id)).toMatchObject({ reconcileError: null, reconcileFailures: 0, nextReconcileAtMs: null, logsSearchedToBlock: 123 });
  });
});
