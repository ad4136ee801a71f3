import type { ReactiveController, ReactiveControllerHost } from "lit";
import { withdrawalRoutes, type WithdrawalEstimate } from "../../../../shared/api/withdrawals";
import type { WorkerClient } from "../../api/client";
import type { I18n } from "../../i18n/translator";
import { arrives } from "./withdraw-review";

/**
 * What an amount to a destination delivers, asked after a pause in typing, one request at a time (a
 * newer question aborts the older). Advisory: a failed estimate just shows nothing.
 */
export class EstimateController implements ReactiveController {
  private key: string | null = null;
  value: WithdrawalEstimate | null = null;
  pending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => WorkerClient,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** Asks, after `delayMs`, for `cents` to a destination, unless that is already known or asked. */
  request(currency: string, network: string, cents: number, delayMs: number): void {
    const key = `${currency}/${network}/${cents}`;
    if (this.key === key && (this.pending || this.value)) return;
    this.clear();
    this.key = key;
    this.pending = true;
    this.host.requestUpdate();
    this.timer = setTimeout(async () => {
      const abort = (this.abort = new AbortController());
      try {
        const body = { destination: { currency, network }, amountCents: cents };
        const { estimate } = await this.api().call(withdrawalRoutes.estimateWithdrawal, { body, signal: abort.signal });
        if (this.key === key) this.value = estimate;
      } catch {
        // advisory only
      }
      if (this.key === key) this.pending = false;
      this.host.requestUpdate();
    }, delayMs);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.key = null;
    this.value = null;
    this.pending = false;
    this.host.requestUpdate();
  }

  /** "49.5 USDC", "pending" while asked, or null. */
  arrives(i18n: I18n): string | "pending" | null {
    return this.pending ? "pending" : arrives(i18n, this.value);
  }
}
