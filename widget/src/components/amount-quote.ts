import type { ReactiveController, ReactiveControllerHost } from "lit";
import { initialState, Task, TaskStatus } from "@lit/task";
import type { Asset, Network } from "@machines-card/contract/api/deposits";
import type { WorkerClient } from "../api/client";
import { parseAmountCents } from "../i18n/parse-amount";

/** Quiet time after the last keystroke before the amount is checked and estimated. */
export const SETTLE_MS = 400;

/** An asset on a network, as the Worker names them (`usdc` on `base`). */
export interface AssetPair {
  currency: string;
  network: string;
}

/** Asset tickers and network ids compare without case (`RUSD`, `rusd`). */
export const sameCode = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The asset and network to show: the current choice while it is offered, else the partner's default
 * (`deposit-asset`, `deposit-network`), else the first of each.
 */
export function pickPair(assets: Asset[], chosen: AssetPair, defaults: { asset: string | null; network: string | null }): { asset: Asset | undefined; network: Network | undefined } {
  const offered = <T>(list: T[], code: (item: T) => string, ...wanted: (string | null)[]) =>
    wanted.reduce<T | undefined>((found, w) => found ?? (w ? list.find((item) => sameCode(code(item), w)) : undefined), undefined) ?? list[0];
  const asset = offered(assets, (a) => a.ticker, chosen.currency, defaults.asset);
  const network = asset && offered(asset.networks, (n) => n.id, chosen.network, defaults.network);
  return { asset, network };
}

/** Why an amount cannot be used: not an amount, or outside the range (with the bound it broke). */
export type AmountProblem = { kind: "format" } | { kind: "min" | "max"; limit: number };

export interface AmountCheck {
  /** The amount in the quote's unit; null when empty or unusable. */
  amount: number | null;
  problem: AmountProblem | null;
}

export interface AmountQuoteOptions<Range, Estimate> {
  api(): WorkerClient;
  locale(): string;
  /** The range for a pair (asked again whenever the pair changes). */
  range(api: WorkerClient, pair: AssetPair, signal: AbortSignal): Promise<Range>;
  /** A range's bounds in the quote's unit; called with `undefined` while the range is not known. */
  bounds(range: Range | undefined): { min: number | null; max: number | null };
  /** The amount typed (in cents, as `parseAmountCents` reads it) in the quote's unit. */
  amountOf(cents: number): number;
  /** What an amount in range delivers (asked once the user pauses typing). */
  estimate(api: WorkerClient, pair: AssetPair, amount: number, signal: AbortSignal): Promise<Estimate>;
  /** Whether the amount may be left empty (a deposit's is optional, a withdrawal's is not). */
  optional: boolean;
}

/**
 * What the user is about to move, as deposit and withdraw both ask it: an asset pair, its range, and the
 * amount they type, checked against the range and estimated once they pause. A newer question aborts the
 * older (the range when the pair changes, the estimate when the amount does); nothing is asked while the
 * user is still typing.
 *
 * @example
 * readonly quote = new AmountQuote(this, { api: () => this.context.api, range: …, estimate: …, bounds: …, amountOf: (c) => c, optional: false, locale: … });
 * quote.input(text); // from the amount input
 * quote.pausedProblem; // the problem to show next to the field once the user paused
 */
export class AmountQuote<Range, Estimate> implements ReactiveController {
  pair: AssetPair = { currency: "", network: "" };
  /** What is in the amount input. */
  text = "";
  /** The text when the user last paused typing (or submitted): what is checked and estimated. */
  settled = "";
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly range: Task<readonly [WorkerClient, string, string], Range>;
  readonly estimate: Task<readonly [WorkerClient, string, string, number | null], Estimate>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: AmountQuoteOptions<Range, Estimate>,
  ) {
    host.addController(this);
    this.range = new Task(host, {
      task: ([api, currency, network], { signal }) => (currency && network ? o.range(api, { currency, network }, signal) : initialState),
      args: () => [o.api(), this.pair.currency, this.pair.network] as const,
    });
    this.estimate = new Task(host, {
      task: ([api, currency, network, amount], { signal }) => (amount ? o.estimate(api, { currency, network }, amount, signal) : initialState),
      args: () => [o.api(), this.pair.currency, this.pair.network, this.typing ? null : this.check(this.settled).amount] as const,
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The user is typing: what they typed is not checked or estimated yet. */
  get typing(): boolean {
    return this.text !== this.settled;
  }

  /** The estimate for the amount on screen, once it has come (the task keeps an older one otherwise). */
  get estimated(): Estimate | null {
    return this.estimate.status === TaskStatus.COMPLETE ? this.estimate.value! : null;
  }

  /** The problem with the amount the user paused on (none while typing). */
  get pausedProblem(): AmountProblem | null {
    return this.typing ? null : this.check(this.settled).problem;
  }

  choose(pair: AssetPair): void {
    this.pair = pair;
    this.host.requestUpdate();
  }

  /** The user typed: check and estimate once they pause. */
  input(text: string): void {
    this.text = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), SETTLE_MS);
    this.host.requestUpdate();
  }

  /** Checks now (on submit), without waiting for the pause. */
  settle(): AmountCheck {
    clearTimeout(this.timer);
    this.settled = this.text;
    this.host.requestUpdate();
    return this.check(this.text);
  }

  /** Shows a pair and an amount that did not come from typing (a withdrawal taken up again). */
  show(pair: AssetPair, text: string): void {
    this.pair = pair;
    this.text = text;
    this.settle();
  }

  reset(): void {
    clearTimeout(this.timer);
    this.text = this.settled = "";
    this.host.requestUpdate();
  }

  /** The amount in the quote's unit, or why it cannot be used, against the range as far as it is known. */
  check(text: string): AmountCheck {
    if (!text.trim()) return { amount: null, problem: this.o.optional ? null : { kind: "format" } };
    const cents = parseAmountCents(text, this.o.locale());
    if (!cents) return { amount: null, problem: { kind: "format" } };
    const amount = this.o.amountOf(cents);
    const { min, max } = this.o.bounds(this.range.value);
    if (min !== null && amount < min) return { amount: null, problem: { kind: "min", limit: min } };
    if (max !== null && amount > max) return { amount: null, problem: { kind: "max", limit: max } };
    return { amount, problem: null };
  }
}
