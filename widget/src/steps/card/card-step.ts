import { html, type TemplateResult } from "lit";
import { Task } from "@lit/task";
import { balancesRoutes, type Balances } from "@machines-card/contract/api/balances";
import { cardRoutes, type Card } from "@machines-card/contract/api/cards";
import { REVEAL_LOCALES, revealRoutes } from "@machines-card/contract/api/reveal";
import { ApiError, isApiError } from "../../api/api-error";
import { skeleton } from "../../components/loading";
import { CardCreatedEvent } from "../../events/card-created";
import { CardHiddenEvent } from "../../events/card-hidden";
import { CardRevealedEvent } from "../../events/card-revealed";
import { StepElement } from "../step-element";
import { cardMessages, type CardMessages } from "./card.messages";
import { cardItem, type CardAction, type CardItemHandlers } from "./card-item";
import { isLimitProblem, problemMessage, readLimit } from "./card-limit";
import { CreateCardController } from "./card-create-controller";
import { CardRevealFrame } from "./card-reveal-frame";
import { cardStepStyles } from "./card-step.styles";
import { cardsView } from "./card-view";
import { revealTheme } from "./reveal-theme";

/** How long revealed details stay on screen by default, in seconds (the frame counts them down). */
export const REVEAL_SECONDS = 45;

/** A canceled card does not count: the user would have to create another. */
const hasLiveCard = (cards: readonly Card[]) => cards.some((c) => c.status !== "canceled");

/**
 * The card step: balances, the user's cards (lock and unlock, limit, cancel, reveal the details for a
 * short time), and a form to create one with a name and a spending limit. Revealed details are shown by
 * the Worker's reveal frame, on the Worker's origin: the number and CVC never enter the partner's page.
 */
export class CardStep extends StepElement<CardMessages> {
  static override styles = [...StepElement.styles, cardStepStyles];
  static override properties = {
    ...StepElement.properties,
    revealSeconds: { attribute: false },
    cardState: { state: true },
    cards: { state: true },
  };

  readonly step = "card" as const;
  protected readonly messages = cardMessages;
  /** Seconds the revealed number, CVC and expiry stay on screen (45 by default; 5 to 120). */
  declare revealSeconds: number;
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
  private readonly create = new CreateCardController(this);
  private readonly reveals = new CardRevealFrame(this, {
    shown: (cardId) => {
      const card = this.cards.find((c) => c.id === cardId);
      if (card) this.emit(new CardRevealedEvent({ cardId, last4: card.last4 }));
    },
    // The frame says why, in the user's words; the page's developers hear of it too.
    refused: (_cardId, code) => void this.fail(new ApiError({ code, message: "the reveal frame refused its ticket; reveal again", status: 0 })),
    hidden: (cardId, reason, focusWasInside, wasShown) => {
      if (wasShown) this.emit(new CardHiddenEvent({ cardId, reason }));
      if (wasShown && reason !== "user") this.announce(this.t("hidden"));
      // Focus was on a copy button in the frame that is gone: back to the card's Show details.
      if (focusWasInside) this.focusOn(`[data-card-id="${CSS.escape(cardId)}"] [data-action=reveal]`);
    },
  });

  private readonly load = new Task(this, {
    task: async ([api], { signal }) => {
      const [balances, first] = await Promise.all([api.call(balancesRoutes.getBalances, { signal }), api.call(cardRoutes.listCards, { signal })]);
      const cards = first.cards;
      for (let cursor = first.nextCursor, n = 0; cursor && n < 10; n++) {
        const page = await api.call(cardRoutes.listCards, { query: { cursor }, signal });
        cards.push(...page.cards);
        cursor = page.nextCursor;
      }
      this.cards = cards;
      this.balances = balances;
      this.report({ balances, hasCard: hasLiveCard(cards) });
      return cards.length;
    },
    args: () => [this.context.api] as const,
  });

  constructor() {
    super();
    this.revealSeconds = REVEAL_SECONDS;
    this.cardState = null;
    this.cards = [];
  }

  private cardSelector(card: Card): string {
    return `[data-card-id="${CSS.escape(card.id)}"]`;
  }

  private replaceCard(card: Card): void {
    this.cards = this.cards.map((c) => (c.id === card.id ? card : c));
    this.report({ hasCard: hasLiveCard(this.cards) });
  }

  // The create form's host (`CreateCardHost`).
  flag(text: string, selector: string): void {
    this.announce(text);
    void this.focusOn(selector);
  }

  failure(error: unknown): TemplateResult | undefined {
    return this.errorNotice(error);
  }

  created(card: Card): void {
    this.cards = [card, ...this.cards.filter((c) => c.id !== card.id)];
    this.report({ hasCard: true });
    this.emit(new CardCreatedEvent({ cardId: card.id, last4: card.last4, label: card.label }));
    this.announce(this.t("created", { last4: card.last4 }));
    this.focusOn(`#card-${CSS.escape(card.id)}`);
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
        ? (this.sentence(error), this.t("revealLimited", { count: error.retryAfterSeconds ?? 60 }))
        : this.sentence(error);
      this.cardState = { ...keep, id: card.id, busy: null, error: this.errorNotice(error, { message }) };
      // Back to where the user was, now enabled again; the alert reads itself out.
      const where = { cancel: "[data-action=confirm-cancel]", limit: `#limit-${CSS.escape(card.id)}-amount` } as Partial<Record<CardAction, string>>;
      this.focusOn(`${this.cardSelector(card)} ${where[action] ?? `[data-action=${action}]`}`);
    }
  }

  private readonly on: CardItemHandlers = {
    reveal: (card) =>
      void this.act(card, "reveal", async () => {
        const { frameUrl } = await this.context.api.call(revealRoutes.createRevealTicket, {
          params: { cardId: card.id },
          body: {
            theme: revealTheme(this),
            // The Worker's reveal frame speaks fewer languages than the widget: English for the others.
            locale: REVEAL_LOCALES.find((l) => l === this.context.i18n.language) ?? "en",
            hideAfterSeconds: Math.min(120, Math.max(5, Math.round(this.revealSeconds))),
          },
        });
        if (this.isConnected) await this.reveals.open(card.id, frameUrl, new URL(this.context.api.baseUrl).origin);
        return `${this.cardSelector(card)} [data-action=reveal]`;
      }),
    hide: (card) => {
      this.reveals.close("user");
      this.focusOn(`${this.cardSelector(card)} [data-action=reveal]`);
    },
    setStatus: (card, status) =>
      void this.act(card, status === "locked" ? "lock" : "unlock", async () => {
        if (status === "locked" && this.reveals.cardId === card.id) this.reveals.close("user");
        this.replaceCard((await this.context.api.call(cardRoutes.updateCard, { params: { cardId: card.id }, body: { status } })).card);
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
        const problem = problemMessage(limit ?? { problem: "amount_format" }, this.context.i18n.money);
        const limitError = this.t(problem.key, problem.values);
        this.cardState = { id: card.id, busy: null, editingLimit: true, limitError };
        this.announce(limitError);
        this.focusOn(`#limit-${CSS.escape(card.id)}-amount`);
        return;
      }
      void this.act(
        card,
        "limit",
        async () => {
          this.replaceCard((await this.context.api.call(cardRoutes.updateCard, { params: { cardId: card.id }, body: { limit } })).card);
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
          if (this.reveals.cardId === card.id) this.reveals.close("user");
          const { card: canceled } = await this.context.api.call(cardRoutes.cancelCard, { params: { cardId: card.id } });
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

  override render() {
    return html`<div class="stack">
      ${this.heading(this.context.i18n.core("step.card"))}
      <p class="muted">${this.t("intro")}</p>
      ${this.load.render({
        initial: () => skeleton(this.context.i18n.core("loading")),
        pending: () => skeleton(this.context.i18n.core("loading")),
        error: (error) => this.errorNotice(error, { retry: () => void this.load.run() }),
        complete: () => this.renderLoaded(),
      })}
    </div>`;
  }

  private renderLoaded(): TemplateResult {
    const live = hasLiveCard(this.cards);
    return cardsView(this.t, this.context.i18n, {
      balances: this.balances,
      list: this.cards.map((card) => cardItem(this.t, this.context.i18n, card, this.itemState(card), this.on)),
      form: this.create.open || !live ? this.create.view(live, () => this.closeForm()) : null,
      canContinue: live && this.context.steps.indexOf("card") < this.context.steps.length - 1,
      onNew: () => {
        this.create.show(true);
        this.focusOn("#new-label");
      },
      onContinue: () => this.next(),
    });
  }

  private closeForm(): void {
    this.create.show(false);
    this.focusOn("[data-action=new-card]");
  }

  private itemState(card: Card) {
    const s = this.cardState?.id === card.id ? this.cardState : null;
    return {
      busy: s?.busy ?? null,
      editingLimit: s?.editingLimit ?? false,
      limitError: s?.limitError,
      confirmingCancel: s?.confirmingCancel ?? false,
      error: s?.error,
      frame: this.reveals.frameOf(card.id, this.t("frameTitle")),
    };
  }
}
