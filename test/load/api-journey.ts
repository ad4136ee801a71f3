/**
 * The whole sandbox journey at the API level, for one person, as a partner's own UI would drive it:
 * sign-in → KYC approved → agreements → deposit funded → card → reveal → purchase → withdrawal
 * confirmed on chain. Every Worker call goes over real HTTP; the sandbox plays the person's inbox, the
 * chain's faucet, a merchant and the person's wallet. Used by the load and fault tests and `npm run bench`.
 * Each stage is exported, so a test can stop at any point (e.g. with a transaction sent, not yet reported).
 */
import { approvedApplication } from "../../demo/upstream/testing/approved-application";
import { createSandboxClient, uniqueEmail, type SandboxClient } from "../support/sandbox/sandbox-client";
import { createWorkerClient, type WorkerClient } from "../support/sandbox/worker-client";

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

/** What the consistency checks need to know about one finished journey (a `Journey` has it all). */
export type JourneyFacts = Pick<JourneyResult, "email" | "token" | "partnerUserId" | "machinesUserId" | "cardId" | "withdrawalId" | "txHash">;

/** Amounts: fund $50, spend $5, withdraw $10 (the sandbox's minimum withdrawal is $1). */
export const JOURNEY_AMOUNTS = { depositCents: 50_00, purchaseCents: 5_00, withdrawalCents: 10_00 } as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One person's way through the journey so far. */
export class Journey {
  readonly worker: WorkerClient;
  readonly sandbox: SandboxClient;
  readonly email: string;
  token = "";
  partnerUserId = "";
  walletAddress = "";
  machinesUserId = "";
  depositId = "";
  cardId = "";
  withdrawalId = "";
  txHash = "";
  private readonly pollMs: number;
  private readonly deadline: number;

  constructor(o: JourneyOptions) {
    this.worker = o.worker ?? createWorkerClient(o.workerUrl);
    this.sandbox = o.sandbox ?? createSandboxClient({ sandboxUrl: o.sandboxUrl });
    this.email = o.email ?? uniqueEmail("bench");
    this.pollMs = o.pollMs ?? 250;
    this.deadline = Date.now() + (o.deadlineMs ?? 120_000);
  }

  private get t() {
    return { token: this.token };
  }

  async waitUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > this.deadline) throw new Error(`journey for ${this.email}: gave up waiting for ${what}`);
      await sleep(this.pollMs);
    }
  }

  /** The emailed code, then the bootstrap the widget starts from. */
  async signIn(): Promise<void> {
    this.token = await this.sandbox.signIn(this.email);
    await this.worker.ok("getConfig");
    const me = await this.worker.ok("getMe", this.t);
    this.partnerUserId = me.user.id;
    this.walletAddress = me.user.walletAddress;
  }

  /** The form's fields, an application the sandbox approves, the status. */
  async passKyc(): Promise<void> {
    await this.worker.ok("getKycValues", this.t);
    await this.worker.ok("submitKycApplication", { ...this.t, body: approvedApplication(this.email) });
    const kyc = await this.worker.ok("getKycStatus", this.t);
    if (kyc.status !== "approved") throw new Error(`journey for ${this.email}: KYC ${kyc.status}`);
  }

  async acceptAgreements(): Promise<void> {
    await this.worker.ok("getAgreements", this.t);
    await this.worker.ok("acceptAgreements", { ...this.t, body: { accepted: true } });
  }

  /** Quote, address, then real test dollars reach the collateral on chain and the deposit completes. */
  async deposit(): Promise<void> {
    const pair = { currency: "rusd", network: "base" };
    const amount = JOURNEY_AMOUNTS.depositCents / 100;
    await this.worker.ok("listDepositAssets", this.t);
    await this.worker.ok("getDepositRange", { ...this.t, body: pair });
    await this.worker.ok("estimateDeposit", { ...this.t, body: { ...pair, amount } });
    const { deposit } = await this.worker.ok("createDeposit", { ...this.t, body: { ...pair, amount }, idempotencyKey: crypto.randomUUID() });
    this.depositId = deposit.id;
    this.machinesUserId = await this.sandbox.machinesUserId(this.email);
    await this.sandbox.faucet(this.machinesUserId, JOURNEY_AMOUNTS.depositCents);
    await this.waitUntil("the deposit to complete", () => this.worker.ok("getDeposit", { ...this.t, params: { depositId: deposit.id } }), (d) => d.deposit.status === "completed");
    await this.worker.ok("getBalances", this.t);
  }

  /** One intent, one key: however often the request is sent, one card. */
  async createCard(): Promise<void> {
    const body = { label: "Journey card", limit: { amountCents: 100_00, frequency: "allTime" as const } };
    const { card } = await this.worker.ok("createCard", { ...this.t, body, idempotencyKey: crypto.randomUUID() });
    this.cardId = card.id;
    await this.worker.ok("listCards", this.t);
  }

  async reveal(): Promise<void> {
    const secrets = await this.worker.ok("revealCard", { ...this.t, params: { cardId: this.cardId }, body: {} });
    if (!/^\d{16}$/.test(secrets.pan)) throw new Error(`journey for ${this.email}: reveal gave no card number`);
  }

  /** A purchase at a merchant, then the activity. */
  async purchase(): Promise<void> {
    await this.sandbox.purchase(this.cardId, JOURNEY_AMOUNTS.purchaseCents);
    await this.worker.ok("listTransactions", this.t);
  }

  /** Quote, create (pending → ready, followed with the same key), then the wallet signs (v2) and sends. */
  async sendWithdrawal(): Promise<void> {
    const to = { currency: "rusd", network: "base" };
    await this.worker.ok("listWithdrawalAssets", this.t);
    await this.worker.ok("getWithdrawalRange", { ...this.t, body: { destination: to } });
    await this.worker.ok("estimateWithdrawal", { ...this.t, body: { destination: to, amountCents: JOURNEY_AMOUNTS.withdrawalCents } });
    const body = { amountCents: JOURNEY_AMOUNTS.withdrawalCents, destination: { ...to, address: this.walletAddress } };
    const created = await this.worker.ok("createWithdrawal", { ...this.t, body, idempotencyKey: crypto.randomUUID() });
    const withdrawalId = (this.withdrawalId = created.withdrawal.id);
    if (created.withdrawal.status === "pending") await sleep((created.withdrawal.retryAfterSeconds ?? 1) * 1000);
    await this.waitUntil("the withdrawal to be ready", () => this.worker.ok("getWithdrawal", { ...this.t, params: { withdrawalId } }), (w) => w.withdrawal.status !== "pending");
    const wallet = this.sandbox.wallet(this.token, this.email);
    let prepared = await this.worker.ok("prepareWithdrawal", { ...this.t, params: { withdrawalId }, body: {} });
    if (prepared.kind === "typedData") {
      const adminSignature = await wallet.signTypedData(prepared.typedData);
      prepared = await this.worker.ok("prepareWithdrawal", { ...this.t, params: { withdrawalId }, body: { adminSalt: prepared.adminSalt, adminSignature } });
    }
    if (prepared.kind !== "transaction") throw new Error(`journey for ${this.email}: no transaction to send`);
    this.txHash = await wallet.sendTransaction({ to: prepared.transaction.to, data: prepared.transaction.data });
  }

  /** Reports the transaction's hash, then follows the withdrawal until the chain has the last word. */
  async confirmWithdrawal(): Promise<void> {
    const params = { withdrawalId: this.withdrawalId };
    await this.worker.ok("submitWithdrawal", { ...this.t, params, body: { txHash: this.txHash } });
    const done = await this.waitUntil("the withdrawal to be confirmed", () => this.worker.ok("getWithdrawal", { ...this.t, params }), (w) => w.withdrawal.status !== "submitted");
    if (done.withdrawal.status !== "confirmed") {
      throw new Error(`journey for ${this.email}: withdrawal ${done.withdrawal.status} (${done.withdrawal.failureReason ?? "no reason"})`);
    }
  }
}

/** The whole journey, every stage timed. */
export async function runJourney(o: JourneyOptions): Promise<JourneyResult> {
  const j = new Journey(o);
  const callsBefore = j.worker.calls.length;
  const started = performance.now();
  const stages: JourneyResult["stages"] = [];
  const stage = async (name: string, run: () => Promise<void>) => {
    const at = performance.now();
    await run();
    stages.push({ stage: name, ms: performance.now() - at });
  };
  await stage("sign-in", () => j.signIn());
  await stage("kyc", () => j.passKyc());
  await stage("agreements", () => j.acceptAgreements());
  await stage("deposit", () => j.deposit());
  await stage("card", () => j.createCard());
  await stage("reveal", () => j.reveal());
  await stage("purchase", () => j.purchase());
  await stage("withdrawal", async () => {
    await j.sendWithdrawal();
    await j.confirmWithdrawal();
  });
  const mine = j.worker.calls.slice(callsBefore);
  return {
    email: j.email,
    token: j.token,
    partnerUserId: j.partnerUserId,
    machinesUserId: j.machinesUserId,
    depositId: j.depositId,
    cardId: j.cardId,
    withdrawalId: j.withdrawalId,
    txHash: j.txHash,
    workerCalls: mine.length,
    workerMs: mine.reduce((sum, c) => sum + c.ms, 0),
    wallMs: performance.now() - started,
    stages,
  };
}
