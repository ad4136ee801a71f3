import { html, nothing, type TemplateResult } from "lit";
import { Task } from "@lit/task";
import type { Balances } from "../../../../shared/api/balances";
import type { Card } from "../../../../shared/api/cards";
import { isApiError } from "../../api/api-error";
import { cancelCard } from "../../api/cancel-card";
import { createCard } from "../../api/create-card";
import { getBalances } from "../../api/get-balances";
import { newIdempotencyKey } from "../../api/idempotency-key";
import { listCards } from "../../api/list-cards";
import { revealCard } from "../../api/reveal-card";
import { updateCard } from "../../api/update-card";
import { CopyButton } from "../../components/copy-button";
import { skeleton } from "../../components/loading";
import { notice } from "../../components/notice";
import { CardCreatedEvent } from "../../events/card-created";
import { StepElement } from "../step-element";
import { cardMessages, type CardMessages } from "./card.messages";
import { createForm } from "./card-forms";
import { cardItem, type CardAction, type CardItemHandlers } from "./card-item";
import { amountText, DEFAULT_FREQUENCY, isLimitProblem, readLabel, readLimit, type Frequency } from "./card-limit";
import { CardRevealController, type HideReason } from "./card-reveal-controller";
import { cardStepStyles } from "./card-step.styles";

/** How long revealed details stay on screen by default, in seconds. */
export const REVEAL_SECONDS = 45;

/**
 * The card step: balances, the user's cards (lock and unlock, limit, cancel, reveal the details for a
 * short time), and a form to create one with a name and a spending limit.
 */
export class CardStep extends StepElement<CardMessages> {
  static override styles = [...StepElement.styles, cardStepStyles];
  static override elements = { "mc-copy-button": CopyButton };
  static override properties = {
    ...StepElement.properties,
    revealSeconds: { attribute: false },
    formOpen: { state: true },
    form: { state: true },
    createBusy: { state: true },
    createError: { state: true },
    cardState: { state: true },
    cards: { state: true },
  };

  readonly step = "card" as const;
  protected readonly messages = cardMessages;
  /** Seconds the revealed number, CVC and expiry stay on screen (45 by default). */
  declare revealSeconds: number;
  declare private formOpen: boolean;
  /** What the create form holds (kept across renders, so an error never wipes what was typed). */
  declare private form: { label: string; amount: string; frequency: Frequency; labelError?: string | undefined; amountError?: string | undefined } | null;
  declare private createBusy: boolean;
  declare private createError: TemplateResult | undefined;
  /** The one card action under way or in question: which card, and what. */
  declare private cardState: {
    id: string;
    busy: CardAction | null;
    editingLimit?: boolean;
    limitError?: string | undefined;
    confirmingCancel?: boolean;
    error?: TemplateResult | undefined;
  } | null;
  declare private cards: Card[];
  private balances: Balances | null = null;
  /** The create-card intent: its Idempotency-Key, kept while the same card is retried. */
  private createIntent: { key: string; body: string } | null = null;
  private readonly reveals = new CardRevealController(this, (cardId, reason) => this.detailsHidden(cardId, reason));

  private readonly load = new Task(this, {
    task: async ([api], { signal }) => {
      const [balances, first] = await Promise.all([getBalances(api, { signal }), listCards(api, { signal })]);
      const cards = first.cards;
      for (let cursor = first.nextCursor, n = 0; cursor && n < 10; n++) {
        const page = await listCards(api, { cursor, signal });
        cards.push(...page.cards);
        cursor = page.nextCursor;
      }
      this.cards = cards;
      this.balances = balances;
      this.report({ balances });
      return cards.length;
    },
    args: () => [this.context.api] as const,
  });

  constructor() {
    super();
    this.revealSeconds = REVEAL_SECONDS;
    this.formOpen = false;
    this.form = null;
    this.createBusy = false;
    this.createError = undefined;
    this.cardState = null;
    this.cards = [];
  }

  private t2 = (key: keyof CardMessages & string, values?: Record<string, string | number>) => this.t(key, values);

  /** A failed call as a notice: the sentence, the request reference, and a way to try again. */
  private errorNotice(error: unknown, retry?: () => void, message = this.fail(error)): TemplateResult | undefined {
    if (!message) return undefined;
    const requestId = isApiError(error) ? error.requestId : undefined;
    return notice("error", message, {
      ...(requestId ? { detail: this.context.i18n.core("reference", { requestId }) } : {}),
      ...(retry
        ? { actions: html`<button type="button" class="button secondary" part="button" @click=${retry}>${this.context.i18n.core("retry")}</button>` }
        : {}),
    });
  }

  private focusOn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private cardSelector(card: Card): string {
    return `[data-card-id="${CSS.escape(card.id)}"]`;
  }

  private replaceCard(card: Card): void {
    this.cards = this.cards.map((c) => (c.id === card.id ? card : c));
  }

  private defaultForm() {
    const limit = this.context.defaults.cardLimit;
    return {
      label: this.context.defaults.cardLabel ?? "",
      amount: limit ? amountText(limit.amountCents, this.context.i18n.locale) : "",
      frequency: limit?.frequency ?? DEFAULT_FREQUENCY,
    };
  }

  private openForm(): void {
    this.formOpen = true;
    this.form = null;
    this.createError = undefined;
    this.focusOn("#new-label");
  }

  private async create(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.createBusy) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? "");
    const label = readLabel(text("label"));
    const limit = readLimit(text("amount"), text("frequency"), this.context.i18n.locale);
    const labelError = label === false ? this.t("error.label_long") : undefined;
    const amountError = isLimitProblem(limit)
      ? this.t(`error.${limit.problem}`, "cents" in limit ? { amount: this.context.i18n.money(limit.cents) } : {})
      : undefined;
    this.form = { label: text("label"), amount: text("amount"), frequency: text("frequency") as Frequency, labelError, amountError };
    this.createError = undefined;
    if (labelError || amountError) {
      this.announce((labelError ?? amountError)!);
      this.focusOn(labelError ? "#new-label" : "#new-amount");
      return;
    }
    const body = { ...(label ? { label } : {}), ...(limit && !isLimitProblem(limit) ? { limit } : {}) };
    // One click, one card: the key is kept while this same card is retried, and changes with the details.
    const fingerprint = JSON.stringify(body);
    if (this.createIntent?.body !== fingerprint) this.createIntent = { key: newIdempotencyKey(), body: fingerprint };
    this.createBusy = true;
    try {
      const { card } = await createCard(this.context.api, { ...body, idempotencyKey: this.createIntent.key });
      this.createIntent = null;
      this.cards = [card, ...this.cards.filter((c) => c.id !== card.id)];
      this.formOpen = false;
      this.form = null;
      this.emit(new CardCreatedEvent({ cardId: card.id, last4: card.last4, label: card.label }));
      this.announce(this.t("created", { last4: card.last4 }));
      this.focusOn(`#card-${CSS.escape(card.id)}`);
    } catch (error) {
      this.createError = this.errorNotice(error);
    } finally {
      this.createBusy = false;
    }
  }

  /**
   * Runs one action on one card, showing it busy and any error inside that card; `run` answers the
   * control to focus once the card shows the outcome (its buttons were disabled meanwhile).
   */
  private async act(card: Card, action: CardAction, run: () => Promise<string | void>, keep: Partial<NonNullable<typeof this.cardState>> = {}) {
    if (this.cardState?.busy) return;
    this.cardState = { ...keep, id: card.id, busy: action };
    try {
      const focus = await run();
      if (this.cardState?.id === card.id) this.cardState = null;
      if (focus) this.focusOn(focus);
    } catch (error) {
      const message = isApiError(error) && error.code === "rate_limited" && action === "reveal"
        ? (this.fail(error), this.t("revealLimited", { seconds: error.retryAfterSeconds ?? 60 }))
        : this.fail(error);
      this.cardState = { ...keep, id: card.id, busy: null, error: this.errorNotice(error, undefined, message) };
      // Back to where the user was, now enabled again; the alert reads itself out.
      const where = { cancel: "[data-action=confirm-cancel]", limit: `#limit-${CSS.escape(card.id)}-amount` } as Partial<Record<CardAction, string>>;
      this.focusOn(`${this.cardSelector(card)} ${where[action] ?? `[data-action=${action}]`}`);
    }
  }

  private readonly on: CardItemHandlers = {
    reveal: (card) =>
      void this.act(card, "reveal", async () => {
        const secrets = await revealCard(this.context.api, { cardId: card.id });
        if (this.isConnected) this.reveals.show(card.id, secrets, this.revealSeconds);
        return `${this.cardSelector(card)} [data-action=reveal]`;
      }),
    hide: (card) => {
      this.reveals.hide("user");
      this.focusOn(`${this.cardSelector(card)} [data-action=reveal]`);
    },
    setStatus: (card, status) =>
      void this.act(card, status === "locked" ? "lock" : "unlock", async () => {
        if (status === "locked" && this.reveals.cardId === card.id) this.reveals.hide("user");
        this.replaceCard((await updateCard(this.context.api, { cardId: card.id, status })).card);
        this.announce(this.t(status === "locked" ? "locked" : "unlocked"));
        return `${this.cardSelector(card)} [data-action=${status === "locked" ? "unlock" : "lock"}]`;
      }),
    editLimit: (card) => {
      this.cardState = { id: card.id, busy: null, editingLimit: true };
      this.focusOn(`#limit-${CSS.escape(card.id)}-amount`);
    },
    saveLimit: (card, e) => {
      e.preventDefault();
      const data = new FormData(e.currentTarget as HTMLFormElement);
      const amount = String(data.get("amount") ?? "");
      // An existing limit can be changed, not removed: an empty amount is not a limit here.
      const limit = amount.trim() ? readLimit(amount, String(data.get("frequency")), this.context.i18n.locale) : null;
      if (!limit || isLimitProblem(limit)) {
        const problem = limit ?? { problem: "amount_format" as const };
        const limitError = this.t(`error.${problem.problem}`, "cents" in problem ? { amount: this.context.i18n.money(problem.cents) } : {});
        this.cardState = { id: card.id, busy: null, editingLimit: true, limitError };
        this.announce(limitError);
        this.focusOn(`#limit-${CSS.escape(card.id)}-amount`);
        return;
      }
      void this.act(
        card,
        "limit",
        async () => {
          this.replaceCard((await updateCard(this.context.api, { cardId: card.id, limit })).card);
          this.announce(this.t("limitSaved"));
          return `${this.cardSelector(card)} [data-action=limit]`;
        },
        { editingLimit: true },
      );
    },
    discardLimit: (card) => {
      this.cardState = null;
      this.focusOn(`${this.cardSelector(card)} [data-action=limit]`);
    },
    askCancel: (card) => {
      this.cardState = { id: card.id, busy: null, confirmingCancel: true };
      this.focusOn(`${this.cardSelector(card)} [data-action=confirm-cancel]`);
    },
    cancel: (card) =>
      void this.act(
        card,
        "cancel",
        async () => {
          if (this.reveals.cardId === card.id) this.reveals.hide("user");
          const { card: canceled } = await cancelCard(this.context.api, { cardId: card.id });
          this.replaceCard({ ...card, status: canceled.status });
          this.announce(this.t("canceled", { last4: card.last4 }));
          return `#card-${CSS.escape(card.id)}`;
        },
        { confirmingCancel: true },
      ),
    keep: (card) => {
      this.cardState = null;
      this.focusOn(`${this.cardSelector(card)} [data-action=cancel]`);
    },
  };

  /** After details were hidden: clear the copy buttons' values at once, say so, and keep focus in place. */
  private detailsHidden(cardId: string, reason: HideReason): void {
    const panel = this.renderRoot.querySelector(`#secrets-${CSS.escape(cardId)}`);
    panel?.querySelectorAll<CopyButton>("mc-copy-button").forEach((b) => (b.value = ""));
    const focusInside = panel?.contains((this.renderRoot as ShadowRoot).activeElement ?? null);
    if (reason !== "user") this.announce(this.t("hidden"));
    if (focusInside) this.focusOn(`[data-card-id="${CSS.escape(cardId)}"] [data-action=reveal]`);
  }

  override render() {
    return html`<div class="stack">
      ${this.heading(this.context.i18n.core("step.card"))}
      <p class="muted">${this.t("intro")}</p>
      ${this.load.render({
        initial: () => skeleton(this.context.i18n.core("loading")),
        pending: () => skeleton(this.context.i18n.core("loading")),
        error: (error) => this.errorNotice(error, () => void this.load.run()),
        complete: () => this.renderLoaded(),
      })}
    </div>`;
  }

  private renderLoaded(): TemplateResult {
    const live = this.cards.filter((c) => c.status !== "canceled");
    const showForm = this.formOpen || live.length === 0;
    const next = this.context.steps.indexOf("card") < this.context.steps.length - 1;
    return html`${this.balances ? this.renderBalances(this.balances) : nothing}
      ${this.cards.length
        ? html`<ul class="plain divided" aria-label=${this.t("yourCards")}>
            ${this.cards.map((card) => cardItem(this.t2, this.context.i18n, card, this.itemState(card), this.on))}
          </ul>`
        : html`<p class="empty">${this.t("empty")}</p>`}
      ${showForm
        ? createForm(this.t2, {
            ...(this.form ?? this.defaultForm()),
            labelError: this.form?.labelError,
            amountError: this.form?.amountError,
            formError: this.createError,
            busy: this.createBusy,
            closable: live.length > 0,
            onSubmit: (e) => void this.create(e),
            onClose: () => {
              this.formOpen = false;
              this.focusOn("[data-action=new-card]");
            },
          })
        : html`<div class="actions">
            <button type="button" class="button secondary" part="button" data-action="new-card" @click=${this.openForm}>${this.t("newCard")}</button>
            ${next && live.length
              ? html`<button type="button" class="button" part="button" @click=${() => this.next()}>${this.t("continue")}</button>`
              : nothing}
          </div>`}`;
  }

  private renderBalances(b: Balances): TemplateResult {
    const money = (cents: number) => this.context.i18n.money(cents);
    return html`<dl class="balances panel" aria-label=${this.t("balances")}>
      <div><dt>${this.t("spendingPower")}</dt><dd>${money(b.spendingPower)}</dd></div>
      <div><dt>${this.t("creditLimit")}</dt><dd>${money(b.creditLimit)}</dd></div>
      ${b.balanceDue ? html`<div><dt>${this.t("balanceDue")}</dt><dd>${money(b.balanceDue)}</dd></div>` : nothing}
    </dl>`;
  }

  private itemState(card: Card) {
    const s = this.cardState?.id === card.id ? this.cardState : null;
    return {
      busy: s?.busy ?? null,
      editingLimit: s?.editingLimit ?? false,
      limitError: s?.limitError,
      confirmingCancel: s?.confirmingCancel ?? false,
      error: s?.error,
      secrets: this.reveals.secretsOf(card.id),
      secondsLeft: this.reveals.secondsLeft,
    };
  }
}
