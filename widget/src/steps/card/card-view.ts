import { html, nothing, type TemplateResult } from "lit";
import type { Balances } from "@machines-card/contract/api/balances";
import type { I18n, Translate } from "../../i18n/translator";
import type { CardMessages } from "./card.messages";
import { createForm, type CreateFormOptions } from "./card-forms";


export interface CardsViewModel {
  balances: Balances | null;
  /** The rendered cards, newest first. */
  list: TemplateResult[];
  /** The create form when it is open (always when no card is live), else null. */
  form: CreateFormOptions | null;
  canContinue: boolean;
  onNew: () => void;
  onContinue: () => void;
}

/** The balances, the cards (or the empty state), then the create form or the "New card" button. */
export function cardsView(t: Translate<CardMessages>, i18n: I18n, m: CardsViewModel): TemplateResult {
  const b = m.balances;
  const amount = (label: string, cents: number) => html`<div><dt>${label}</dt><dd>${i18n.money(cents)}</dd></div>`;
  return html`${b
      ? html`<dl class="balances panel" aria-label=${t("balances")}>
          ${amount(t("spendingPower"), b.spendingPower)} ${amount(t("creditLimit"), b.creditLimit)}
          ${b.balanceDue ? amount(t("balanceDue"), b.balanceDue) : nothing}
        </dl>`
      : nothing}
    ${m.list.length ? html`<ul class="plain divided" aria-label=${t("yourCards")}>${m.list}</ul>` : html`<p class="empty">${t("empty")}</p>`}
    ${m.form
      ? createForm(t, m.form)
      : html`<div class="actions">
          <button type="button" class="button secondary" part="button" data-action="new-card" @click=${m.onNew}>${t("newCard")}</button>
          ${m.canContinue ? html`<button type="button" class="button" part="button" @click=${m.onContinue}>${t("continue")}</button>` : nothing}
        </div>`}`;
}
