import type { ReactiveController, ReactiveControllerHost } from "lit";
import { initialState, Task } from "@lit/task";
import { depositRoutes, type Asset, type DepositEstimate, type DepositRange } from "../../../../shared/api/deposits";
import type { WorkerClient } from "../../api/client";
import { parseAmountCents } from "../../i18n/parse-amount";

/** Quiet time after the last keystroke before the amount is checked and estimated. */
const SETTLE_MS = 400;
/** Tickers and network ids compare without case (`RUSD`, `rusd`). */
export const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export interface AmountCheck {
  /** The amount to send, in the asset's units; null when empty or unusable. */
  value: number | null;
  /** Why it cannot be used, with the limit it broke. */
  problem: { key: "badAmount" } | { key: "belowMin" | "aboveMax"; limit: number } | null;
}

/**
 * What the user is about to deposit: asset and network (the partner's defaults preselected), the range
 * for that pair, and the amount they type, checked against the range and estimated once they pause.
 */
export class DepositQuote implements ReactiveController {
  currency = "";
  network = "";
  /** What is in the amount input. */
  text = "";
  /** The text once the user paused typing: what is checked and estimated. */
  settled = "";
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly range: Task<readonly [WorkerClient, string, string], DepositRange>;
  readonly estimate: Task<readonly [WorkerClient, string, string, number | null], DepositEstimate>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: { api(): WorkerClient; locale(): string; defaults(): { asset: string | null; network: string | null } },
  ) {
    host.addController(this);
    this.range = new Task(host, {
      task: ([api, currency, network], { signal }) =>
        currency && network ? api.call(depositRoutes.getDepositRange, { body: { currency, network }, signal }).then((r) => r.range) : initialState,
      args: () => [o.api(), this.currency, this.network] as const,
    });
    this.estimate = new Task(host, {
      task: ([api, currency, network, amount], { signal }) =>
        amount ? api.call(depositRoutes.estimateDeposit, { body: { currency, network, amount }, signal }).then((r) => r.estimate) : initialState,
      args: () => [o.api(), this.currency, this.network, this.check(this.settled).value] as const,
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Picks the asset (the given one, the partner's default, else the first) and a network it offers. */
  choose(assets: Asset[], currency?: string): void {
    const defaults = this.o.defaults();
    const wanted = currency ?? (this.currency || defaults.asset || "");
    const asset = assets.find((a) => same(a.ticker, wanted)) ?? assets[0];
    const network = currency ? "" : this.network || defaults.network || "";
    this.currency = asset?.ticker ?? "";
    this.network = (asset?.networks.find((n) => same(n.id, network)) ?? asset?.networks[0])?.id ?? "";
    this.host.requestUpdate();
  }

  setNetwork(id: string): void {
    this.network = id;
    this.host.requestUpdate();
  }

  /** The user typed: check and estimate once they pause. */
  input(text: string): void {
    this.text = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.settled = text;
      this.host.requestUpdate();
    }, SETTLE_MS);
    this.host.requestUpdate();
  }

  /** Check now (on submit), without waiting for the pause. */
  settle(): AmountCheck {
    clearTimeout(this.timer);
    this.settled = this.text;
    this.host.requestUpdate();
    return this.check(this.text);
  }

  reset(): void {
    this.text = this.settled = "";
    this.host.requestUpdate();
  }

  /** The amount in the asset's units, or why it cannot be used (empty is fine: the amount is optional). */
  check(text: string): AmountCheck {
    if (!text.trim()) return { value: null, problem: null };
    const cents = parseAmountCents(text, this.o.locale());
    if (!cents) return { value: null, problem: { key: "badAmount" } };
    const value = cents / 100;
    const range = this.range.value;
    if (range?.minAmount != null && value < range.minAmount) return { value: null, problem: { key: "belowMin", limit: range.minAmount } };
    if (range?.maxAmount != null && value > range.maxAmount) return { value: null, problem: { key: "aboveMax", limit: range.maxAmount } };
    return { value, problem: null };
  }
}
