/**
 * The whole sandbox journey at the API level, for one person, as a partner's own UI would drive it:
 * sign-in → KYC approved → agreements → deposit funded → card → reveal → purchase → withdrawal
 * confirmed on chain. Every Worker call goes over real HTTP; the sandbox plays the person's inbox, the
 * chain's faucet, a merchant and the person's wallet. Used by the load test and `npm run bench`.
 */
import { createSandboxClient, uniqueEmail, type SandboxClient } from "./sandbox-client";
import { createWorkerClient, type WorkerClient } from "./worker-client";

export interface JourneyOptions {
  workerUrl: string;
  sandboxUrl: string;
  email?: string;
  /** How often to look again at something that is still moving (deposit, withdrawal). */
  pollMs?: number;
  /** Give up on one journey after this long. */
  deadlineMs?: number;
  worker?: WorkerClient;
  sandbox?: SandboxClient;
}

export interface JourneyResult {
  email: string;
  token: string;
  partnerUserId: string;
  machinesUserId: string;
  depositId: string;
  cardId: string;
  withdrawalId: string;
  txHash: string;
  /** Worker calls made by this journey. */
  workerCalls: number;
  /** Time spent waiting for the Worker (sum of its calls). */
  workerMs: number;
  wallMs: number;
  /** Wall time of each stage, in order. */
  stages: { stage: string; ms: number }[];
}

/** Amounts: fund $50, spend $5, withdraw $10 (the sandbox's minimum withdrawal is $1). */
export const JOURNEY_AMOUNTS = { depositCents: 50_00, purchaseCents: 5_00, withdrawalCents: 10_00 } as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A KYC application the sandbox approves at once (its last name contains "approved"). */
export function approvedKycApplication(email: string) {
  return {
    firstName: "Ada",
    lastName: "Approved",
    birthDate: "1990-01-01",
    nationalId: "123456789",
    countryOfIssue: "US",
    email,
    address: { line1: "123 Main St", city: "New York", region: "NY", postalCode: "10001", countryCode: "US" },
    occupation: "49-3023",
    annualSalary: "<40k",
    accountPurpose: "everyday spend",
    expectedMonthlyVolume: "under $1k",
  };
}

export async function runJourney(o: JourneyOptions): Promise<JourneyResult> {
  const worker = o.worker ?? createWorkerClient(o.workerUrl);
  const sandbox = o.sandbox ?? createSandboxClient({ sandboxUrl: o.sandboxUrl });
  const pollMs = o.pollMs ?? 250;
  const deadline = Date.now() + (o.deadlineMs ?? 120_000);
  const email = o.email ?? uniqueEmail();
  const callsBefore = worker.calls.length;
  const started = performance.now();
  const stages: JourneyResult["stages"] = [];
  let mark = started;
  const stage = (name: string) => {
    const now = performance.now();
    stages.push({ stage: name, ms: now - mark });
    mark = now;
  };
  const waitUntil = async <T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`journey for ${email}: gave up waiting for ${what}`);
      await sleep(pollMs);
    }
  };

  // Sign-in: the emailed code, then the bootstrap the widget starts from.
  const token = await sandbox.signIn(email);
  const t = { token };
  await worker.ok("getConfig");
  const me = await worker.ok("getMe", t);
  stage("sign-in");

  // KYC: the form's fields, an application the sandbox approves, the status.
  await worker.ok("getKycValues", t);
  await worker.ok("submitKycApplication", { ...t, body: approvedKycApplication(email) });
  const kyc = await worker.ok("getKycStatus", t);
  if (kyc.status !== "approved") throw new Error(`journey for ${email}: KYC ${kyc.status}`);
  stage("kyc");

  await worker.ok("getAgreements", t);
  await worker.ok("acceptAgreements", { ...t, body: { accepted: true } });
  stage("agreements");

  // Deposit: quote, address, then real test dollars reach the collateral on chain.
  const pair = { currency: "rusd", network: "base" };
  await worker.ok("listDepositAssets", t);
  await worker.ok("getDepositRange", { ...t, body: pair });
  await worker.ok("estimateDeposit", { ...t, body: { ...pair, amount: JOURNEY_AMOUNTS.depositCents / 100 } });
  const { deposit } = await worker.ok("createDeposit", { ...t, body: { ...pair, amount: JOURNEY_AMOUNTS.depositCents / 100 }, idempotencyKey: crypto.randomUUID() });
  const machinesUserId = await sandbox.machinesUserId(email);
  await sandbox.faucet(machinesUserId, JOURNEY_AMOUNTS.depositCents);
  await waitUntil(
    "the deposit to complete",
    () => worker.ok("getDeposit", { ...t, params: { depositId: deposit.id } }),
    (d) => d.deposit.status === "completed",
  );
  await worker.ok("getBalances", t);
  stage("deposit");

  // Card: create (one intent, one key), list, reveal, a purchase at a merchant, the activity.
  const { card } = await worker.ok("createCard", {
    ...t,
    body: { label: "Journey card", limit: { amountCents: 100_00, frequency: "allTime" } },
    idempotencyKey: crypto.randomUUID(),
  });
  await worker.ok("listCards", t);
  stage("card");
  const secrets = await worker.ok("revealCard", { ...t, params: { cardId: card.id }, body: {} });
  if (!/^\d{16}$/.test(secrets.pan)) throw new Error(`journey for ${email}: reveal gave no card number`);
  stage("reveal");
  await sandbox.purchase(card.id, JOURNEY_AMOUNTS.purchaseCents);
  await worker.ok("listTransactions", t);
  stage("purchase");

  // Withdrawal: quote, create (pending → ready with the same key), the wallet signs and sends, confirmed on chain.
  const destination = { currency: "rusd", network: "base", address: me.user.walletAddress };
  await worker.ok("listWithdrawalAssets", t);
  await worker.ok("getWithdrawalRange", { ...t, body: { destination: { currency: "rusd", network: "base" } } });
  await worker.ok("estimateWithdrawal", { ...t, body: { destination: { currency: "rusd", network: "base" }, amountCents: JOURNEY_AMOUNTS.withdrawalCents } });
  const idempotencyKey = crypto.randomUUID();
  const created = await worker.ok("createWithdrawal", { ...t, body: { amountCents: JOURNEY_AMOUNTS.withdrawalCents, destination }, idempotencyKey });
  const withdrawalId = created.withdrawal.id;
  if (created.withdrawal.status === "pending") await sleep((created.withdrawal.retryAfterSeconds ?? 1) * 1000);
  await waitUntil(
    "the withdrawal to be ready",
    () => worker.ok("getWithdrawal", { ...t, params: { withdrawalId } }),
    (w) => w.withdrawal.status !== "pending",
  );
  const wallet = sandbox.wallet(token);
  let prepared = await worker.ok("prepareWithdrawal", { ...t, params: { withdrawalId }, body: {} });
  if (prepared.kind === "typedData") {
    const adminSignature = await wallet.signTypedData(prepared.typedData);
    prepared = await worker.ok("prepareWithdrawal", { ...t, params: { withdrawalId }, body: { adminSalt: prepared.adminSalt, adminSignature } });
  }
  if (prepared.kind !== "transaction") throw new Error(`journey for ${email}: no transaction to send`);
  const txHash = await wallet.sendTransaction({ to: prepared.transaction.to, data: prepared.transaction.data });
  await worker.ok("submitWithdrawal", { ...t, params: { withdrawalId }, body: { txHash } });
  const confirmed = await waitUntil(
    "the withdrawal to be confirmed",
    () => worker.ok("getWithdrawal", { ...t, params: { withdrawalId } }),
    (w) => w.withdrawal.status !== "submitted",
  );
  if (confirmed.withdrawal.status !== "confirmed") {
    throw new Error(`journey for ${email}: withdrawal ${confirmed.withdrawal.status} (${confirmed.withdrawal.failureReason ?? "no reason"})`);
  }
  stage("withdrawal");

  const mine = worker.calls.slice(callsBefore);
  return {
    email,
    token,
    partnerUserId: me.user.id,
    machinesUserId,
    depositId: deposit.id,
    cardId: card.id,
    withdrawalId,
    txHash,
    workerCalls: mine.length,
    workerMs: mine.reduce((sum, c) => sum + c.ms, 0),
    wallMs: performance.now() - started,
    stages,
  };
}
