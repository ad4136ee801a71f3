import type { ReactiveController, ReactiveControllerHost } from "lit";
import { kycRoutes, type KycState } from "@machines-card/contract/api/kyc";
import type { WorkerClient } from "../../api/client";
import { PollController } from "../../components/poll-controller";
import { isWatched } from "./kyc-status-view";

/** Why the state changed: first known, the user's own submission, or the watch saw it move. */
export type KycChangeCause = "known" | "submitted" | "watched";

export interface KycStatusOptions {
  api(): WorkerClient;
  /** A new state arrived (also when unchanged: the host decides what is news). */
  changed(next: KycState, before: KycState | null, cause: KycChangeCause): void;
  /** Reports an error (the step's `fail`); called once per run of failed checks. */
  failed(error: unknown): void;
}

/**
 * The user's KYC status and its watch: loaded when the element did not know it, then asked again with
 * a growing pause while a reviewer or the hosted verification can still change it.
 */
export class KycStatusController implements ReactiveController {
  kyc: KycState | null = null;
  /** The first load failed (the step shows it with a retry). */
  loadError: unknown = null;
  /** A "Check now" is under way. */
  checking = false;
  private readonly watch: PollController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: KycStatusOptions,
  ) {
    host.addController(this);
    this.watch = new PollController(host, {
      // A review can take hours, but a person waiting on this page expects to see it within seconds.
      maxDelayMs: 15_000,
      poll: async (signal) => {
        try {
          return await this.refresh(signal);
        } catch (error) {
          if (!this.watch.error) o.failed(error); // once per run of failures, not on every retry
          throw error;
        }
      },
    });
  }

  hostConnected(): void {}

  get watching(): boolean {
    return this.watch.active;
  }

  get pollFailed(): boolean {
    return this.watch.error !== null;
  }

  /** First look, when the element did not know the status. */
  async load(): Promise<void> {
    this.loadError = null;
    this.host.requestUpdate();
    try {
      this.set(await this.o.api().call(kycRoutes.getKycStatus, {}), "known");
    } catch (error) {
      this.o.failed(error);
      this.loadError = error;
      this.host.requestUpdate();
    }
  }

  /** Asks once; answers whether the status can still change. */
  async refresh(signal?: AbortSignal): Promise<boolean> {
    const kyc = await this.o.api().call(kycRoutes.getKycStatus, { signal });
    this.set(kyc, "watched");
    return isWatched(kyc.status);
  }

  /** Takes a state (known, submitted or watched) and watches while it can change. */
  set(next: KycState, cause: KycChangeCause): void {
    const before = this.kyc;
    this.kyc = next;
    this.o.changed(next, before, cause);
    if (!isWatched(next.status)) this.watch.stop();
    else if (!this.watch.active) this.watch.start();
    this.host.requestUpdate();
  }

  /** Ask again soon: the user just did something that may change the answer (opened the hosted page). */
  soon(): void {
    this.watch.start();
  }

  /** "Check now". */
  async checkNow(): Promise<void> {
    this.checking = true;
    this.host.requestUpdate();
    try {
      await this.refresh();
      this.watch.error = null;
    } catch (error) {
      this.watch.error = error;
      this.o.failed(error);
    } finally {
      this.checking = false;
      this.host.requestUpdate();
    }
  }
}
