import type { ReactiveControllerHost, TemplateResult } from "lit";
import { TaskStatus } from "@lit/task";
import type { Asset } from "@machines-card/contract/api/deposits";
import { withdrawalRoutes, type Withdrawal, type WithdrawalEstimate, type WithdrawalRange } from "@machines-card/contract/api/withdrawals";
import { AmountQuote, pickPair, sameCode, type AmountProblem } from "../../components/amount-quote";
import { amountText } from "../../i18n/parse-amount";
import type { StepContext } from "../step-context";
import type { WithdrawMessages } from "./withdraw.messages";
import { addressProblem } from "./withdraw-checks";
import { codeOf, type WithdrawFormView } from "./withdraw-form";
import { arrives } from "./withdraw-review";
import type { WithdrawalRequest } from "./withdrawal-flow";

/** What the form holds besides the amount (the quote holds that), and the errors shown at each field. */
type Fields = { address: string; extraId: string; amountError?: string | undefined; addressError?: string | undefined };

/** The contract's bounds for a withdrawal in cents (`PositiveCents`), used until the destination's range is known. */
const CONTRACT_BOUNDS = { min: 1, max: 100_000_000 };

export interface WithdrawFormHost extends ReactiveControllerHost {
  readonly context: StepContext;
  t(key: keyof WithdrawMessages & string, values?: Record<string, string | number>): string;
  /** Tells the user about a field error and puts focus on the field. */
  flag(text: string, selector: string): void;
  /** A failure to show above the form (the range could not be had), with its retry. */
  failure(error: unknown, retry: () => void): TemplateResult | undefined;
  review(request: WithdrawalRequest): void;
}

/**
 * The withdrawal form's state: the destination chosen (the partner's default first), its range and the
 * amount in US cents with its estimate (one `AmountQuote`, as the deposit step has), the address, and the
 * checks made before anything is created.
 */
export class WithdrawFormController {
  assets: Asset[] = [];
  fields: Fields = { address: "", extraId: "" };
  readonly quote: AmountQuote<WithdrawalRange, WithdrawalEstimate>;

  constructor(private readonly host: WithdrawFormHost) {
    // No lifecycle of its own: the quote attaches to the host.
    this.quote = new AmountQuote(host, {
      api: () => host.context.api,
      locale: () => host.context.i18n.locale,
      range: (api, destination, signal) => api.call(withdrawalRoutes.getWithdrawalRange, { body: { destination }, signal }).then((r) => r.range),
      bounds: (range) => (range ? { min: range.minAmountCents, max: range.maxAmountCents } : CONTRACT_BOUNDS),
      amountOf: (cents) => cents,
      estimate: (api, destination, amountCents, signal) =>
        api.call(withdrawalRoutes.estimateWithdrawal, { body: { destination, amountCents }, signal }).then((r) => r.estimate),
      optional: false,
    });
  }

  /** The assets on offer, once loaded: keeps the choice when still offered, else takes the default. */
  offer(assets: Asset[]): void {
    this.assets = assets;
    this.choose(this.quote.pair.currency, this.quote.pair.network);
  }

  private choose(currency: string, network: string): void {
    const { depositAsset: asset, depositNetwork } = this.host.context.defaults;
    const chosen = pickPair(this.assets, { currency, network }, { asset, network: depositNetwork });
    this.quote.choose({ currency: chosen.asset ? codeOf(chosen.asset) : "", network: chosen.network?.id ?? "" });
  }

  private set(patch: Partial<Fields>): void {
    this.fields = { ...this.fields, ...patch };
    this.host.requestUpdate();
  }

  /** The sentence for an amount that cannot be used. */
  private amountMessage(problem: AmountProblem): string {
    if (problem.kind === "format") return this.host.t("error.amount_format");
    return this.host.t(`error.amount_${problem.kind}`, { amount: this.host.context.i18n.money(problem.limit) });
  }

  /**
   * The error next to the amount: a refusal (from Review or the Worker) until the user types again, else,
   * once typing pauses, an amount out of the destination's range (an unfinished number waits for Review).
   */
  private amountError(): string | undefined {
    if (this.fields.amountError) return this.fields.amountError;
    const problem = this.quote.range.value ? this.quote.pausedProblem : null;
    return problem && problem.kind !== "format" ? this.amountMessage(problem) : undefined;
  }

  /** Puts a refusal from the Worker next to its field. */
  refuse(field: "amount" | "address", text: string): void {
    this.set({ [`${field}Error`]: text });
    this.host.flag(text, `#withdraw-${field}`);
  }

  /** A withdrawal shown without the form (taken up again): the quote follows it, so its preview has the estimate. */
  follow(w: Withdrawal): void {
    const { currency, network } = w.destination;
    const { pair } = this.quote;
    const same = sameCode(pair.currency, currency) && pair.network === network && this.quote.check(this.quote.settled).amount === w.amountCents;
    if (!same) this.quote.show({ currency, network }, amountText(w.amountCents, this.host.context.i18n.locale));
  }

  /** Checks the form; hands a valid request to the host, or shows what to fix. */
  private submit(): void {
    const t = this.host.t.bind(this.host);
    const { amount, problem: amountProblem } = this.quote.settle();
    const amountError = amountProblem ? this.amountMessage(amountProblem) : undefined;
    const address = this.fields.address.trim();
    const { currency, network: networkId } = this.quote.pair;
    const network = this.assets.flatMap((a) => a.networks).find((n) => n.id === networkId);
    const problem = addressProblem(address, network?.chainId != null);
    const addressError = problem ? t(`error.${problem}`) : undefined;
    this.set({ amountError, addressError });
    if (amountError || addressError) return this.host.flag((amountError ?? addressError)!, amountError ? "#withdraw-amount" : "#withdraw-address");
    const extraId = this.fields.extraId.trim();
    this.host.review({
      amountCents: amount!,
      destination: { currency, network: networkId, address, ...(extraId ? { extraId } : {}) },
    });
  }

  /** "49.5 USDC", "pending" while asked, or null. */
  private arrives(): string | "pending" | null {
    return this.quote.estimate.status === TaskStatus.PENDING ? "pending" : arrives(this.host.context.i18n, this.quote.estimated);
  }

  /** What the form template needs, with its handlers. */
  view(formError: TemplateResult | undefined, busy: boolean): WithdrawFormView {
    const { range } = this.quote;
    return {
      assets: this.assets,
      ...this.quote.pair,
      amount: this.quote.text,
      ...this.fields,
      amountError: this.amountError(),
      range: range.value,
      formError: formError ?? (range.status === TaskStatus.ERROR ? this.host.failure(range.error, () => void range.run()) : undefined),
      estimate: this.arrives(),
      busy,
      on: {
        asset: (e) => this.choose((e.target as HTMLSelectElement).value, ""),
        network: (e) => this.choose(this.quote.pair.currency, (e.target as HTMLSelectElement).value),
        amount: (e) => {
          this.set({ amountError: undefined });
          this.quote.input((e.target as HTMLInputElement).value);
        },
        field: (e) => {
          const input = e.target as HTMLInputElement;
          this.set({ [input.name]: input.value, ...(input.name === "address" ? { addressError: undefined } : {}) });
        },
        submit: (e) => {
          e.preventDefault();
          if (!busy) this.submit();
        },
      },
    };
  }
}
