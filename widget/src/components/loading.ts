import { html, type TemplateResult } from "lit";

/** A spinner for inside a busy button or next to a status line; `label` is read by screen readers only. */
export function spinner(label?: string): TemplateResult {
  return label
    ? html`<span class="spinner" aria-hidden="true"></span><span class="visually-hidden">${label}</span>`
    : html`<span class="spinner" aria-hidden="true"></span>`;
}

/** Grey placeholder lines while a step's first data loads; announced once as `label`. */
export function skeleton(label: string, lines = 4): TemplateResult {
  return html`<div class="skeleton" role="status" aria-live="polite">
    <span class="visually-hidden">${label}</span>
    ${Array.from({ length: lines }, () => html`<span aria-hidden="true"></span>`)}
  </div>`;
}
