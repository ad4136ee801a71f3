import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { BodyOf } from "@machines-card/contract/api/define-route";
import { withdrawalRoutes, type Withdrawal } from "@machines-card/contract/api/withdrawals";
import type { WorkerClient } from "../../api/client";
import { newIdempotencyKey } from "../../api/idempotency-key";
import { PollController } from "../../components/poll-controller";
import type { HexString, WalletAdapter } from "../../wallet/wallet-adapter";
import { checkPrepared } from "./prepared-check";

/**
 * Where a withdrawal stands, as the user lives it:
 * `prepare` (created, Machines preparing the signature) → `review` (ready: the preview) → `sign`
 * (coordinator_v2: the wallet signs the approval) → `send` (the wallet sends the transaction) →
 * `submit` (its hash goes to the Worker) → `confirm` (waiting for the chain) → `confirmed`; or
 * `failed` (reverted on chain) / `expired` (the signature ran out). `form` before any of it.
 */
export type Stage = "form" | "prepare" | "review" | "sign" | "send" | "submit" | "confirm" | "confirmed" | "failed" | "expired";

/** What the user asks for: the amount and the destination (`POST /v1/withdrawals`'s body). */
export type WithdrawalRequest = BodyOf<typeof withdrawalRoutes.createWithdrawal>;

export interface WithdrawalFlowOptions {
  api: () => WorkerClient;
  wallet: () => Promise<WalletAdapter>;
  /** The stage changed (to announce it). */
  onStage(stage: Stage): void;
  onSubmitted(withdrawal: Withdrawal, txHash: string): void;
  onConfirmed(withdrawal: Withdrawal): void;
  /** A part failed (not for an aborted request): report it once and keep the sentence to show. */
  onError(error: unknown): void;
}

/** While Machines prepares the signature: the pause it asks for (`retryAfterSeconds`), within these bounds. */
const PENDING_MS = { min: 1_000, max: 10_000 };
/** While the chain confirms: a steady pace, a block comes every few seconds. */
const CONFIRM_MS = 1_500;
/** After this long waiting for the chain, the user is told it is slow (polling goes on). */
export const SLOW_AFTER_MS = 90_000;

/**
 * The withdrawal's call sequence against the Worker and the wallet, as one controller:
 * create (Idempotency-Key) → follow while pending → ready → prepare → [coordinator_v2: sign the typed
 * data, prepare again with the salt and signature] → send the transaction → submit its hash → follow
 * until confirmed or failed. A failure keeps the stage and the error; `retry()` repeats exactly the
 * failed part with the same key, and never asks the wallet to send a second transaction once one went
 * out (the hash is kept and submitted again instead).
 */
export class WithdrawalFlow implements ReactiveController {
  stage: Stage = "form";
  withdrawal: Withdrawal | null = null;
  /** The last failure (an `ApiError` or `WalletError`), shown with a retry; null while things go well. */
  error: unknown = null;
  /** Whether the signature step applies (coordinator_v2), for the progress list. */
  get needsSignature(): boolean {
    return this.withdrawal?.execution?.callPath === "coordinator_v2";
  }
  /** True once the chain has been awaited for longer than usual. */
  slow = false;
  busy = false;

  private intent: { key: string; body: string; request: WithdrawalRequest } | null = null;
  private sentHash: HexString | null = null;
  private confirmSince = 0;
  /**
   * Follows a withdrawal while it moves by itself (Machines preparing it, the chain confirming it); like
   * every watch it pauses while the page is hidden or the step is gone, and asks at once on return.
   */
  private readonly watch: PollController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: WithdrawalFlowOptions,
  ) {
    host.addController(this);
    this.watch = new PollController(host, {
      poll: async (signal) => {
        const w = this.withdrawal;
        if (!w) return false;
        this.slow = this.stage === "confirm" && Date.now() - this.confirmSince > SLOW_AFTER_MS;
        await this.run(async () => {
          const { withdrawal } = await this.o.api().call(withdrawalRoutes.getWithdrawal, { params: { withdrawalId: w.id }, signal });
          if (!signal.aborted) this.settle(withdrawal);
        });
        // A failed check stays on screen with its retry instead of being asked again behind the user's back.
        return this.error ? false : this.pause();
      },
    });
  }

  hostConnected(): void {}

  /** Starts (or, with the same details, retries) a withdrawal; new details make a new intent and key. */
  async start(request: WithdrawalRequest): Promise<void> {
    const body = JSON.stringify(request);
    if (this.intent?.body !== body) this.intent = { key: newIdempotencyKey(), body, request };
    this.withdrawal = null;
    this.sentHash = null;
    await this.create();
  }

  /** The same details as a new intent (after an expiry or a failure on chain): a fresh key. */
  async startAgain(): Promise<void> {
    const request = this.intent?.request ?? (this.withdrawal && requestOf(this.withdrawal));
    this.intent = null;
    if (request) await this.start(request);
  }

  /** Continues a withdrawal found in progress (a returning user). */
  resume(withdrawal: Withdrawal): void {
    this.intent = null;
    this.sentHash = (withdrawal.submittedTxHash as HexString | null) ?? null;
    this.settle(withdrawal);
    this.follow();
  }

  /** Back to the form, forgetting the withdrawal on screen (a ready one simply expires). */
  reset(): void {
    this.watch.stop();
    this.withdrawal = null;
    this.error = null;
    this.sentHash = null;
    this.set("form");
  }

  /** Repeats the part that failed, with the same key and, once the wallet has sent, the same transaction hash. */
  async retry(): Promise<void> {
    this.error = null;
    if (this.sentHash) return this.submit();
    if (this.stage === "prepare" && !this.withdrawal) return this.create();
    if (this.stage === "prepare" || this.stage === "confirm") return this.watch.now();
    if (this.stage !== "sign" && this.stage !== "send" && this.stage !== "review") return this.host.requestUpdate();
    // A wallet can fail after broadcasting: when the chain already shows the withdrawal, follow it instead.
    const w = this.withdrawal!;
    await this.run(async () => {
      const { withdrawal } = await this.o.api().call(withdrawalRoutes.getWithdrawal, { params: { withdrawalId: w.id } });
      if (withdrawal.status === "ready") this.withdrawal = withdrawal;
      else this.settle(withdrawal);
    });
    this.follow();
    if (!this.error && this.withdrawal?.status === "ready") await this.confirm();
  }

  /** The user confirmed the preview: the wallet signs (v2) and sends, then the hash is submitted. */
  async confirm(): Promise<void> {
    const w = this.withdrawal;
    if (!w || this.busy) return;
    this.error = null;
    await this.run(async () => {
      const api = this.o.api();
      const params = { withdrawalId: w.id };
      let prepared = await api.call(withdrawalRoutes.prepareWithdrawal, { params, body: {} });
      checkPrepared(w, prepared);
      const wallet = await this.o.wallet();
      if (prepared.kind === "typedData") {
        this.set("sign");
        const adminSignature = await wallet.signTypedData(prepared.typedData);
        prepared = await api.call(withdrawalRoutes.prepareWithdrawal, { params, body: { adminSalt: prepared.adminSalt, adminSignature } });
        checkPrepared(w, prepared);
      }
      if (prepared.kind !== "transaction") throw new Error("the Worker did not hand out the transaction");
      this.set("send");
      this.sentHash = await wallet.sendTransaction(prepared.transaction);
    });
    if (this.sentHash && !this.error) await this.submit();
  }

  private async create(): Promise<void> {
    const intent = this.intent;
    if (!intent) return;
    this.set("prepare");
    await this.run(async () => {
      const { withdrawal } = await this.o.api().call(withdrawalRoutes.createWithdrawal, { body: intent.request, idempotencyKey: intent.key });
      this.settle(withdrawal);
    });
    this.follow();
  }

  private async submit(): Promise<void> {
    const w = this.withdrawal;
    const hash = this.sentHash;
    if (!w || !hash) return;
    this.set("submit");
    await this.run(async () => {
      const { withdrawal } = await this.o.api().call(withdrawalRoutes.submitWithdrawal, { params: { withdrawalId: w.id }, body: { txHash: hash } });
      this.o.onSubmitted(withdrawal, hash);
      this.settle(withdrawal);
    });
    this.follow();
  }

  /** Shows a withdrawal's latest state. */
  private settle(w: Withdrawal): void {
    this.withdrawal = w;
    const next = stageOf(w);
    if (next === "confirm" && this.stage !== "confirm") this.confirmSince = Date.now();
    if (next === "confirmed" && this.stage !== "confirmed") this.o.onConfirmed(w);
    this.set(next);
  }

  /** The pause before the next look while the withdrawal moves by itself, or false once it no longer does. */
  private pause(): number | false {
    if (this.stage === "confirm") return CONFIRM_MS;
    if (this.stage !== "prepare" || !this.withdrawal) return false;
    return Math.min(PENDING_MS.max, Math.max(PENDING_MS.min, (this.withdrawal.retryAfterSeconds ?? 1) * 1000));
  }

  /** Follows the withdrawal on screen while it moves by itself; stops once it waits for the user or has ended. */
  private follow(): void {
    if (this.error) return;
    const pause = this.pause();
    if (pause === false) this.watch.stop();
    else this.watch.start(pause);
  }

  /** Runs one part; a failure stays on the stage it happened in, with the error (an expiry ends the withdrawal). */
  private async run(part: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.host.requestUpdate();
    try {
      await part();
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      if ((error as { code?: string }).code === "withdrawal_expired") this.set("expired");
      else this.error = error;
      this.o.onError(error);
      this.host.requestUpdate();
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private set(stage: Stage): void {
    // A finished withdrawal ends its intent: the same details again are a new withdrawal with a new key.
    if (stage === "confirmed" || stage === "failed" || stage === "expired") this.intent = null;
    if (stage === this.stage) return this.host.requestUpdate();
    this.stage = stage;
    this.o.onStage(stage);
    this.host.requestUpdate();
  }
}

const STAGE_OF: Record<string, Stage | undefined> = {
  pending: "prepare",
  ready: "review",
  submitted: "confirm",
  confirmed: "confirmed",
  failed: "failed",
  expired: "expired",
};

/**
 * Where a withdrawal stands for the user. A status the step does not know is in progress (never an error):
 * waiting for the chain once a transaction went out, else being prepared; it is followed until it moves.
 */
export function stageOf(w: Withdrawal): Stage {
  return STAGE_OF[w.status] ?? (w.submittedTxHash ? "confirm" : "prepare");
}

function requestOf(w: Withdrawal): WithdrawalRequest {
  const { currency, network, address, extraId } = w.destination;
  return { amountCents: w.amountCents, destination: { currency, network, address, ...(extraId ? { extraId } : {}) } };
}
