import { html, nothing, type TemplateResult } from "lit";
import type { Card, CardSecrets } from "../../../../shared/api/cards";
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
  secrets: CardSecrets | null;
  secondsLeft: number;
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
/** The number in groups of four, for reading it out or copying it by eye. */
export const groupsOfFour = (pan: string) => pan.replace(/(\d{4})(?=\d)/g, "$1 ");

export function limitText(t: Translate<CardMessages>, i18n: I18n, card: Card): string {
  return card.limit ? t(`limit.${card.limit.frequency}`, { amount: i18n.money(card.limit.amountCents) }) : t("noLimit");
}

/** One card: what it is, its state, its details when revealed, and what can be done with it. */
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
    ${s.error ?? nothing} ${s.secrets ? secretsPanel(t, card, s.secrets, s.secondsLeft) : nothing}
    ${s.editingLimit ? limitForm(t, i18n, card, s, on) : nothing} ${s.confirmingCancel ? cancelConfirm(t, card, s, on) : nothing}
    ${canceled || s.editingLimit || s.confirmingCancel
      ? nothing
      : html`<div class="actions">
          ${s.secrets
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

/** The revealed details, with copy buttons and the countdown. Text only: never in an attribute. */
function secretsPanel(t: Translate<CardMessages>, card: Card, secrets: CardSecrets, secondsLeft: number): TemplateResult {
  const exp = expiry(secrets.expirationMonth, secrets.expirationYear);
  const row = (label: string, shown: string, copy: string, copyLabel: string, cls = "") =>
    html`<dt>${label}</dt>
      <dd class="mono ${cls}">${shown}</dd>
      <dd class="copy"><mc-copy-button .value=${copy} label=${copyLabel} copied-label=${t("copied")}></mc-copy-button></dd>`;
  return html`<div class="secrets panel" id=${`secrets-${card.id}`}>
    <p class="small muted">${t("privacy")}</p>
    <dl class="secrets-list">
      ${row(t("number"), groupsOfFour(secrets.pan), secrets.pan, t("copyNumber"), "pan")} ${row(t("expiry"), exp, exp, t("copyExpiry"))}
      ${row(t("cvc"), secrets.cvc, secrets.cvc, t("copyCvc"))}
    </dl>
    <p class="small muted" role="timer">${t("hidesIn", { seconds: secondsLeft })}</p>
  </div>`;
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
