import { html, nothing, type TemplateResult } from "lit";
import type { Card } from "@machines-card/contract/api/cards";
import { spinner } from "../../components/loading";
import type { I18n, Translate } from "../../i18n/translator";
import type { CardMessages } from "./card.messages";
import { limitFields, type LimitFieldsOptions } from "./card-forms";
import { DEFAULT_FREQUENCY } from "./card-limit";
import { amountText } from "../../i18n/parse-amount";

export type CardAction = "reveal" | "lock" | "unlock" | "limit" | "cancel";

/** What one card's row shows besides the card itself: the view state the step keeps for it. */
export interface CardItemState {
  /** The action running for this card, if any. */
  busy: CardAction | null;
  editingLimit: boolean;
  limitError: string | undefined;
  confirmingCancel: boolean;
  /** An error about this card (reveal refused, lock failed…), already translated. */
  error: TemplateResult | undefined;
  /** The Worker's reveal frame showing this card's details, while it is open. */
  frame: TemplateResult | null;
}

export interface CardItemHandlers {
  reveal(card: Card): void;
  hide(card: Card): void;
  setStatus(card: Card, status: "active" | "locked"): void;
  editLimit(card: Card): void;
  saveLimit(card: Card, e: SubmitEvent): void;
  discardLimit(card: Card): void;
  askCancel(card: Card): void;
  cancel(card: Card): void;
  keep(card: Card): void;
}

const STATUS_BADGE = { active: "success", locked: "warning", canceled: "neutral", not_activated: "neutral", other: "neutral" } as const;

/** How a status shows: one the step does not know (Machines may add some) reads as in progress, never blank. */
export function cardStatusKey(status: string): keyof typeof STATUS_BADGE {
  return Object.hasOwn(STATUS_BADGE, status) && status !== "other" ? (status as keyof typeof STATUS_BADGE) : "other";
}

const pad = (n: number) => String(n).padStart(2, "0");
/** `MM/YY`, as printed on cards. */
export const expiry = (month: number, year: number) => `${pad(month)}/${pad(year % 100)}`;

export function limitText(t: Translate<CardMessages>, i18n: I18n, card: Card): string {
  return card.limit ? t(`limit.${card.limit.frequency}`, { amount: i18n.money(card.limit.amountCents) }) : t("noLimit");
}

/**
 * One card: what it is, its state, its details when revealed (in the Worker's frame: the number and CVC
 * are never in this page), and what can be done with it.
 */
export function cardItem(t: Translate<CardMessages>, i18n: I18n, card: Card, s: CardItemState, on: CardItemHandlers): TemplateResult {
  const headingId = `card-${card.id}`;
  const canceled = card.status === "canceled";
  const shown = cardStatusKey(card.status);
  const button = (action: CardAction, label: string, handler: () => void, extra: Record<string, string> = {}) =>
    html`<button type="button" class="button secondary compact" part="button" data-action=${action} aria-describedby=${headingId}
      aria-expanded=${extra.expanded ?? nothing} aria-controls=${extra.controls ?? nothing}
      aria-busy=${s.busy === action ? "true" : "false"} ?disabled=${s.busy !== null} @click=${handler}>
      ${s.busy === action ? spinner() : nothing}${label}
    </button>`;
  return html`<li class="card-item" data-card-id=${card.id} data-status=${card.status}>
    <div class="spread">
      <h3 id=${headingId} tabindex="-1">${card.label ?? t("untitled")}</h3>
      <span class="badge ${STATUS_BADGE[shown]}">${t(`status.${shown}`)}</span>
    </div>
    <p class="muted small">
      ${t("ending", { brand: card.brand, last4: card.last4 })} · ${t("expires", { expiry: expiry(card.expirationMonth, card.expirationYear) })}
      · ${limitText(t, i18n, card)}
    </p>
    ${s.error ?? nothing} ${s.frame ? html`<div class="secrets" id=${`secrets-${card.id}`}>${s.frame}</div>` : nothing}
    ${s.editingLimit ? limitForm(t, i18n, card, s, on) : nothing} ${s.confirmingCancel ? cancelConfirm(t, card, s, on) : nothing}
    ${canceled || s.editingLimit || s.confirmingCancel
      ? nothing
      : html`<div class="actions">
          ${s.frame && s.busy !== "reveal"
            ? button("reveal", t("hide"), () => on.hide(card), { expanded: "true", controls: `secrets-${card.id}` })
            : button("reveal", s.busy === "reveal" ? t("showing") : t("show"), () => on.reveal(card), { expanded: "false" })}
          ${card.status === "locked"
            ? button("unlock", t("unlock"), () => on.setStatus(card, "active"))
            : card.status === "active"
              ? button("lock", t("lock"), () => on.setStatus(card, "locked"))
              : nothing}
          ${button("limit", t("changeLimit"), () => on.editLimit(card))} ${button("cancel", t("cancelCard"), () => on.askCancel(card))}
        </div>`}
  </li>`;
}

function limitForm(t: Translate<CardMessages>, i18n: I18n, card: Card, s: CardItemState, on: CardItemHandlers): TemplateResult {
  const o: LimitFieldsOptions = {
    id: `limit-${card.id}`,
    amount: card.limit ? amountText(card.limit.amountCents, i18n.locale) : "",
    frequency: card.limit?.frequency ?? DEFAULT_FREQUENCY,
    error: s.limitError,
  };
  const busy = s.busy === "limit";
  return html`<form class="stack-tight" novalidate aria-label=${t("changeLimit")} @submit=${(e: SubmitEvent) => on.saveLimit(card, e)}>
    ${limitFields(t, o)}
    <div class="actions">
      <button type="submit" class="button" part="button" aria-busy=${busy ? "true" : "false"} ?disabled=${busy}>
        ${busy ? html`${spinner()} ${t("saving")}` : t("saveLimit")}
      </button>
      <button type="button" class="button quiet" part="button" ?disabled=${busy} @click=${() => on.discardLimit(card)}>${t("discard")}</button>
    </div>
  </form>`;
}

function cancelConfirm(t: Translate<CardMessages>, card: Card, s: CardItemState, on: CardItemHandlers): TemplateResult {
  const busy = s.busy === "cancel";
  return html`<div class="confirm panel" role="group" aria-labelledby=${`cancel-q-${card.id}`}>
    <p id=${`cancel-q-${card.id}`}>${t("cancelQuestion", { last4: card.last4 })}</p>
    <div class="actions">
      <button type="button" class="button danger" part="button" data-action="confirm-cancel" aria-busy=${busy ? "true" : "false"}
        ?disabled=${busy} @click=${() => on.cancel(card)}>
        ${busy ? spinner() : nothing}${t("confirmCancel")}
      </button>
      <button type="button" class="button secondary" part="button" ?disabled=${busy} @click=${() => on.keep(card)}>${t("keepCard")}</button>
    </div>
  </div>`;
}
