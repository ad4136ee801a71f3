import { html, nothing, type TemplateResult } from "lit";
import { describedBy, field } from "../../components/field";
import { spinner } from "../../components/loading";
import { countryOptions } from "./countries";
import { isGroup, type FormField, type FormItem } from "./kyc-form-model";
import type { FormValues } from "./kyc-validation";

export interface KycFormView {
  items: FormItem[];
  values: FormValues;
  /** Translated errors to show, by field key (only fields the user has left, or all after a submit). */
  errors: Map<string, string>;
  busy: boolean;
  locale: string;
  /** Notice above the submit button (a failed submission). */
  formError: TemplateResult | typeof nothing;
  /** A field's label (the step's own words, or the server's description for a field it does not know). */
  label(key: string, fallback: string): string;
  hint(key: string): string | undefined;
  /** The step's translation of an enum value, or the value itself. */
  option(value: string): string;
  text: { choose: string; requiredNote: string; privacy: string; submit: string; submitting: string; phone: string; cancel?: string };
  onInput(key: string, value: string, badInput: boolean): void;
  onBlur(key: string): void;
  onSubmit(e: Event): void;
  onCancel?: () => void;
}

/** The id of a field's control (`kyc-address-line1`). */
export function controlId(key: string): string {
  return `kyc-${key.replace(/\./g, "-")}`;
}

/**
 * The KYC form: native controls with their autofill tokens, labels, hints and errors, in the server's
 * field order; the address as a fieldset, the two phone fields side by side.
 */
export function kycForm(v: KycFormView): TemplateResult {
  const rows: TemplateResult[] = [];
  for (let i = 0; i < v.items.length; i++) {
    const item = v.items[i]!;
    if (isGroup(item)) {
      rows.push(html`<fieldset class="cell span-6 group">
        <legend>${v.label(item.key, item.description)}</legend>
        <div class="grid">${item.fields.map((f) => cell(v, f))}</div>
      </fieldset>`);
    } else if (item.key.startsWith("phone")) {
      // Consecutive phone fields (country code, number) read as one question.
      const phone: FormField[] = [];
      while (i < v.items.length && !isGroup(v.items[i]!) && v.items[i]!.key.startsWith("phone")) phone.push(v.items[i++] as FormField);
      i--;
      rows.push(html`<fieldset class="cell span-6 group">
        <legend>${v.text.phone}</legend>
        <div class="grid">${phone.map((f) => cell(v, f))}</div>
      </fieldset>`);
    } else {
      rows.push(cell(v, item));
    }
  }
  return html`<form class="stack" novalidate autocomplete="on" @submit=${v.onSubmit}>
    <p class="muted small">${v.text.requiredNote}</p>
    <div class="grid">${rows}</div>
    <p class="muted small">${v.text.privacy}</p>
    ${v.formError}
    <div class="actions">
      <button type="submit" class="button block" part="button" aria-busy=${v.busy ? "true" : "false"} ?disabled=${v.busy}>
        ${v.busy ? html`${spinner()} ${v.text.submitting}` : v.text.submit}
      </button>
      ${v.onCancel && v.text.cancel
        ? html`<button type="button" class="button secondary block" part="button" ?disabled=${v.busy} @click=${v.onCancel}>${v.text.cancel}</button>`
        : nothing}
    </div>
  </form>`;
}

function cell(v: KycFormView, f: FormField): TemplateResult {
  const id = controlId(f.key);
  const error = v.errors.get(f.key);
  const hint = v.hint(f.key);
  return html`<div class="cell span-${f.span}">
    ${field({ id, label: v.label(f.key, f.description), hint, error, required: f.required }, controlOf(v, f, id, describedBy({ id, hint, error }), error))}
  </div>`;
}

function controlOf(v: KycFormView, f: FormField, id: string, described: string | typeof nothing, error: string | undefined): TemplateResult {
  const value = v.values[f.key] ?? "";
  const invalid = error ? "true" : "false";
  const input = (e: Event) => {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    v.onInput(f.key, el.value, el instanceof HTMLInputElement && el.validity.badInput);
  };
  const blur = () => v.onBlur(f.key);
  if (f.kind === "select" || f.kind === "country") {
    const options = f.kind === "country" ? countryOptions(v.locale) : f.options!.map((o) => ({ value: o.value, label: o.label ?? v.option(o.value) }));
    return html`<select id=${id} name=${f.key} autocomplete=${f.autocomplete} ?required=${f.required} aria-describedby=${described}
      aria-invalid=${invalid} @change=${(e: Event) => (input(e), blur())} @blur=${blur}>
      <option value="" ?selected=${!value}>${v.text.choose}</option>
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>`;
  }
  const type = f.kind === "text" ? "text" : f.kind;
  const today = new Date().toISOString().slice(0, 10);
  return html`<input id=${id} name=${f.key} type=${type} autocomplete=${f.autocomplete} .value=${value} ?required=${f.required}
    maxlength=${f.kind === "tel" ? nothing : (f.maxLength ?? nothing)} inputmode=${f.inputMode ?? (f.kind === "email" ? "email" : nothing)}
    min=${f.kind === "date" ? "1900-01-01" : nothing} max=${f.kind === "date" ? today : nothing}
    spellcheck=${f.kind === "text" && f.autocomplete !== "off" ? nothing : "false"}
    aria-describedby=${described} aria-invalid=${invalid} @input=${input} @blur=${blur} />`;
}
