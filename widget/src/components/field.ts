import { html, nothing, type TemplateResult } from "lit";

export interface FieldOptions {
  /** The control's id; `label for` points at it, and hint and error ids derive from it. */
  id: string;
  label: string;
  hint?: string | undefined;
  /** The error to show under the control (the control must then carry `aria-invalid="true"`). */
  error?: string | undefined;
  required?: boolean;
}

/**
 * The ids a control must reference: `aria-describedby=${describedBy(o)}` links the hint and the error,
 * so screen readers read them with the label.
 */
export function describedBy(o: Pick<FieldOptions, "id" | "hint" | "error">): string | typeof nothing {
  const ids = [o.hint ? `${o.id}-hint` : "", o.error ? `${o.id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : nothing;
}

/**
 * A labelled field: label, optional hint, the control, and the error message. The control is written
 * by the step (so it stays a native input in the step's own shadow root, where `label for` works and
 * browsers autofill it) and must use `id`, `aria-describedby=${describedBy(o)}` and `aria-invalid`.
 *
 * @example
 * field({ id: "email", label: t("email"), error }, html`<input id="email" type="email" autocomplete="email"
 *   aria-describedby=${describedBy({ id: "email", error })} aria-invalid=${error ? "true" : "false"} />`)
 */
export function field(o: FieldOptions, control: TemplateResult): TemplateResult {
  return html`<div class="field" part="field">
    <label for=${o.id} part="label">${o.label}${o.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
    ${o.hint ? html`<p class="hint" id=${`${o.id}-hint`}>${o.hint}</p>` : nothing} ${control}
    ${o.error ? html`<p class="field-error" id=${`${o.id}-error`} part="field-error">${o.error}</p>` : nothing}
  </div>`;
}
