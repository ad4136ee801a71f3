import { html, nothing, type TemplateResult } from "lit";
import { describedBy, field } from "../../components/field";
import { spinner } from "../../components/loading";
import type { CardMessages } from "./card.messages";
import { FREQUENCIES, type Frequency } from "./card-limit";
import type { Translate } from "../../i18n/translator";


export interface LimitFieldsOptions {
  /** Prefix of the two controls' ids (`<prefix>-amount`, `<prefix>-frequency`). */
  id: string;
  amount: string;
  frequency: Frequency;
  error?: string | undefined;
  /** Say that an empty amount means no limit (for a new card; an existing limit can only be changed). */
  optional?: boolean;
}

/** The spending limit: an amount in dollars and how often it applies. Names: `amount`, `frequency`. */
export function limitFields(t: Translate<CardMessages>, o: LimitFieldsOptions): TemplateResult {
  const amount = { id: `${o.id}-amount`, label: t("limitAmount"), hint: o.optional ? t("limitHint") : undefined, error: o.error };
  return html`<div class="limit-fields">
    ${field(
      amount,
      html`<input id=${amount.id} name="amount" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
        .value=${o.amount} aria-describedby=${describedBy(amount)} aria-invalid=${o.error ? "true" : "false"} />`,
    )}
    ${field(
      { id: `${o.id}-frequency`, label: t("frequency") },
      html`<select id=${`${o.id}-frequency`} name="frequency">
        ${FREQUENCIES.map((f) => html`<option value=${f} ?selected=${f === o.frequency}>${t(`freq.${f}`)}</option>`)}
      </select>`,
    )}
  </div>`;
}

export interface CreateFormOptions {
  label: string;
  amount: string;
  frequency: Frequency;
  labelError?: string | undefined;
  amountError?: string | undefined;
  formError?: TemplateResult | undefined;
  busy: boolean;
  /** Whether the form can be closed (not when it is the empty state's only content). */
  closable: boolean;
  onSubmit: (e: SubmitEvent) => void;
  onClose: () => void;
}

/** "Create a card": name and spending limit. */
export function createForm(t: Translate<CardMessages>, o: CreateFormOptions): TemplateResult {
  const label = { id: "new-label", label: t("label"), hint: t("labelHint"), error: o.labelError };
  return html`<form class="panel stack" novalidate aria-labelledby="create-title" @submit=${o.onSubmit}>
    <h3 id="create-title" tabindex="-1">${t("createTitle")}</h3>
    ${o.formError ?? nothing}
    ${field(
      label,
      html`<input id="new-label" name="label" type="text" autocomplete="off" maxlength="50" .value=${o.label}
        aria-describedby=${describedBy(label)} aria-invalid=${o.labelError ? "true" : "false"} />`,
    )}
    ${limitFields(t, { id: "new", amount: o.amount, frequency: o.frequency, error: o.amountError, optional: true })}
    <div class="actions">
      <button type="submit" class="button" part="button" aria-busy=${o.busy ? "true" : "false"} ?disabled=${o.busy}>
        ${o.busy ? html`${spinner()} ${t("creating")}` : t("create")}
      </button>
      ${o.closable
        ? html`<button type="button" class="button quiet" part="button" ?disabled=${o.busy} @click=${o.onClose}>${t("close")}</button>`
        : nothing}
    </div>
  </form>`;
}
