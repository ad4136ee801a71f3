import type { ReactiveControllerHost, TemplateResult } from "lit";
import { Task } from "@lit/task";
import type { Asset } from "../../../../shared/api/deposits";
import { withdrawalRoutes, type WithdrawalRange } from "../../../../shared/api/withdrawals";
import { parseAmountCents } from "../../i18n/parse-amount";
import type { StepContext } from "../step-context";
import type { WithdrawMessages } from "./withdraw.messages";
import { addressProblem, amountProblem } from "./withdraw-checks";
import { EstimateController } from "./withdraw-estimate-controller";
import { pick, type WithdrawFormView } from "./withdraw-form";
import type { WithdrawalRequest } from "./withdrawal-flow";

type Fields = { amount: string; address: string; extraId: string; amountError?: string | undefined; addressError?: string | undefined };

export interface WithdrawFormHost extends ReactiveControllerHost {
  readonly context: StepContext;
  t(key: keyof WithdrawMessages & string, values?: Record<string, string | number>): string;
  /** Tells the user about a field error and puts focus on the field. */
  flag(text: string, selector: string): void;
  /** A failure to show above the form (the range could not be had), with its retry. */
  formFailed(error: unknown, retry: () => void): void;
  review(request: WithdrawalRequest): void;
}

/**
 * The withdrawal form's state: the destination chosen (the partner's default first), its range, the
 * amount with its estimate, the address, and the checks made before anything is created.
 */
export class WithdrawFormController {
  assets: Asset[] = [];
  currency = "";
  network = "";
  fields: Fields = { amount: "", address: "", extraId: "" };
  readonly estimate: EstimateController;

  readonly range: Task<readonly [StepContext["api"], string, string], WithdrawalRange | undefined>;

  constructor(private readonly host: WithdrawFormHost) {
    // No lifecycle of its own: the estimate controller and the range task attach to the host.
    this.estimate = new EstimateController(host, () => host.context.api);
    this.range = new Task(host, {
      task: async ([api, currency, network], { signal }) => {
        if (!currency || !network) return undefined;
        try {
          return (await api.call(withdrawalRoutes.getWithdrawalRange, { body: { destination: { currency, network } }, signal })).range;
        } catch (error) {
          if (signal.aborted) throw error;
          host.formFailed(error, () => void this.range.run());
          return undefined;
        }
      },
      args: () => [host.context.api, this.currency, this.network] as const,
      // An amount typed while the range loaded gets its estimate now.
      onComplete: (range) => this.estimateTyped(range),
    });
  }

  /** The assets on offer, once loaded: keeps the choice when still offered, else takes the default. */
  offer(assets: Asset[]): void {
    this.assets = assets;
    this.choose(this.currency, this.network);
  }

  private choose(currency: string, network: string): void {
    const { depositAsset: asset, depositNetwork } = this.host.context.defaults;
    const chosen = pick(this.assets, { currency, network }, { asset, network: depositNetwork });
    this.currency = chosen.currency;
    this.network = chosen.networkId;
    this.host.requestUpdate();
  }

  private set(patch: Partial<Fields>): void {
    this.fields = { ...this.fields, ...patch };
    this.host.requestUpdate();
  }

  private rangeHint: ReturnType<typeof setTimeout> | undefined;

  private estimateTyped(range = this.range.value): void {
    const cents = parseAmountCents(this.fields.amount, this.host.context.i18n.locale);
    const problem = range ? amountProblem(cents, range) : null;
    clearTimeout(this.rangeHint);
    if (range && !problem) this.estimate.request(this.currency, this.network, cents!, 400);
    else this.estimate.clear();
    // Out of range is said once typing pauses, as the deposit step does (never on the first keystroke);
    // an unfinished number waits for Review.
    if (problem && problem.problem !== "amount_format") {
      const typed = this.fields.amount;
      this.rangeHint = setTimeout(() => {
        if (this.fields.amount !== typed) return;
        const { money } = this.host.context.i18n;
        this.set({ amountError: this.host.t(`error.${problem.problem}`, { amount: money(problem.cents) }) });
      }, 400);
    }
  }

  /** Puts a refusal from the Worker next to its field. */
  refuse(field: "amount" | "address", text: string): void {
    this.set({ [`${field}Error`]: text });
    this.host.flag(text, `#withdraw-${field}`);
  }

  /** Checks the form; hands a valid request to the host, or shows what to fix. */
  private submit(): void {
    const { money, locale } = this.host.context.i18n;
    const t = this.host.t.bind(this.host);
    const cents = parseAmountCents(this.fields.amount, locale);
    const amount = amountProblem(cents, this.range.value);
    const amountError = amount ? t(`error.${amount.problem}`, "cents" in amount ? { amount: money(amount.cents) } : {}) : undefined;
    const address = this.fields.address.trim();
    const network = this.assets.flatMap((a) => a.networks).find((n) => n.id === this.network);
    const problem = addressProblem(address, network?.chainId != null);
    const addressError = problem ? t(`error.${problem}`) : undefined;
    this.set({ amountError, addressError });
    if (amountError || addressError) return this.host.flag((amountError ?? addressError)!, amountError ? "#withdraw-amount" : "#withdraw-address");
    const extraId = this.fields.extraId.trim();
    this.host.review({
      amountCents: cents!,
      destination: { currency: this.currency, network: this.network, address, ...(extraId ? { extraId } : {}) },
    });
  }

  /** What the form template needs, with its handlers. */
  view(formError: TemplateResult | undefined, busy: boolean): WithdrawFormView {
    return {
      assets: this.assets,
      currency: this.currency,
      network: this.network,
      ...this.fields,
      range: this.range.value,
      formError,
      estimate: this.estimate.arrives(this.host.context.i18n),
      busy,
      on: {
        asset: (e) => this.choose((e.target as HTMLSelectElement).value, ""),
        network: (e) => this.choose(this.currency, (e.target as HTMLSelectElement).value),
        amount: (e) => {
          this.set({ amount: (e.target as HTMLInputElement).value, amountError: undefined });
          this.estimateTyped();
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
