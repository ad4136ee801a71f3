import type { ReactiveControllerHost, TemplateResult } from "lit";
import { cardRoutes, type Card } from "@machines-card/contract/api/cards";
import { newIdempotencyKey } from "../../api/idempotency-key";
import type { StepContext } from "../step-context";
import type { CardMessages } from "./card.messages";
import type { CreateFormOptions } from "./card-forms";
import { DEFAULT_FREQUENCY, isLimitProblem, problemMessage, readLabel, readLimit, type Frequency } from "./card-limit";
import { amountText } from "../../i18n/parse-amount";

export interface CreateCardHost extends ReactiveControllerHost {
  readonly context: StepContext;
  t(key: keyof CardMessages & string, values?: Record<string, string | number>): string;
  /** Tells the user about a field error and puts focus on the field. */
  flag(text: string, selector: string): void;
  /** The failure of a create, as the notice to show in the form. */
  failure(error: unknown): TemplateResult | undefined;
  created(card: Card): void;
}

type Form = { label: string; amount: string; frequency: Frequency; labelError?: string | undefined; amountError?: string | undefined };

/**
 * "Create a card": what the form holds (kept across renders, so an error never wipes what was typed),
 * its checks with the contract's rules, and the create call. One intent, one card: the Idempotency-Key
 * is made on the first click and kept while the same card is retried (a double click, "Create" again
 * after a failure); other details make a new intent and key.
 */
export class CreateCardController {
  open = false;
  busy = false;
  error: TemplateResult | undefined;
  private form: Form | null = null;
  private intent: { key: string; body: string } | null = null;

  constructor(private readonly host: CreateCardHost) {}

  private defaults(): Form {
    const { cardLabel, cardLimit } = this.host.context.defaults;
    return {
      label: cardLabel ?? "",
      amount: cardLimit ? amountText(cardLimit.amountCents, this.host.context.i18n.locale) : "",
      frequency: cardLimit?.frequency ?? DEFAULT_FREQUENCY,
    };
  }

  show(open: boolean): void {
    this.open = open;
    this.form = null;
    this.error = undefined;
    this.host.requestUpdate();
  }

  async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const { t, context } = this.host;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? "");
    const label = readLabel(text("label"));
    const limit = readLimit(text("amount"), text("frequency"), context.i18n.locale);
    const labelError = label === false ? t.call(this.host, "error.label_long") : undefined;
    const problem = isLimitProblem(limit) ? problemMessage(limit, context.i18n.money) : null;
    const amountError = problem ? t.call(this.host, problem.key, problem.values) : undefined;
    this.form = { label: text("label"), amount: text("amount"), frequency: text("frequency") as Frequency, labelError, amountError };
    this.error = undefined;
    this.host.requestUpdate();
    if (labelError || amountError) return this.host.flag((labelError ?? amountError)!, labelError ? "#new-label" : "#new-amount");

    const body = { ...(label ? { label } : {}), ...(limit && !isLimitProblem(limit) ? { limit } : {}) };
    const fingerprint = JSON.stringify(body);
    if (this.intent?.body !== fingerprint) this.intent = { key: newIdempotencyKey(), body: fingerprint };
    this.busy = true;
    try {
      const { card } = await context.api.call(cardRoutes.createCard, { body, idempotencyKey: this.intent.key });
      this.intent = null;
      this.open = false;
      this.form = null;
      this.host.created(card);
    } catch (error) {
      this.error = this.host.failure(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** What the form template needs. */
  view(closable: boolean, onClose: () => void): CreateFormOptions {
    const form = this.form ?? this.defaults();
    return {
      ...form,
      formError: this.error,
      busy: this.busy,
      closable,
      onSubmit: (e) => void this.submit(e),
      onClose,
    };
  }
}
