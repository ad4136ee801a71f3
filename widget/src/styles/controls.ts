import { css } from "lit";

/**
 * Buttons and form fields. Buttons: `class="button"` (primary), `button secondary`, `button quiet`;
 * a busy button gets `aria-busy="true"` and a `spinner()` inside. Fields come from `components/field.ts`.
 */
export const controls = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.625em 1.125em;
    border: 1px solid transparent;
    border-radius: var(--mc-radius);
    background: var(--mc-color-brand);
    color: var(--mc-color-on-brand);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
    transition: background-color 120ms ease, border-color 120ms ease, box-shadow 120ms ease;
  }
  /* --mc-brand-hover comes with brand-color (lighter under dark text); otherwise darken. */
  .button:hover:not(:disabled):not([aria-disabled="true"]) {
    background: var(--mc-brand-hover, color-mix(in srgb, var(--mc-color-brand) 86%, #000));
  }
  .button:disabled,
  .button[aria-disabled="true"] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .button[aria-busy="true"] {
    cursor: progress;
  }
  .button.secondary {
    background: var(--mc-color-background);
    color: var(--mc-color-text);
    border-color: var(--mc-color-border-strong);
  }
  .button.secondary:hover:not(:disabled) {
    background: var(--mc-color-surface);
  }
  .button.quiet {
    white-space: nowrap;
    background: transparent;
    color: var(--mc-color-brand-text);
    padding-inline: 0.5em;
    min-height: 2.25em;
  }
  .button.quiet:hover:not(:disabled) {
    background: color-mix(in srgb, var(--mc-color-brand) 10%, transparent);
  }
  .button.block {
    width: 100%;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.375em;
  }
  .field label,
  .field legend {
    font-weight: 600;
    font-size: 0.9375em;
  }
  .field .required {
    color: var(--mc-color-danger);
  }
  .field .hint {
    color: var(--mc-color-text-muted);
    font-size: 0.875em;
  }
  .field .field-error {
    color: var(--mc-color-danger);
    font-size: 0.875em;
    font-weight: 500;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  input:not([type="checkbox"]):not([type="radio"]),
  select,
  textarea {
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--mc-color-border-strong);
    border-radius: calc(var(--mc-radius) * 0.8);
    background: var(--mc-color-background);
    color: var(--mc-color-text);
    font: inherit;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--mc-color-focus);
    outline-offset: 1px;
    border-color: var(--mc-color-focus);
  }
  [aria-invalid="true"] {
    border-color: var(--mc-color-danger) !important;
  }
  input[type="checkbox"],
  input[type="radio"] {
    width: 1.25em;
    height: 1.25em;
    margin: 0.125em 0 0;
    accent-color: var(--mc-color-brand);
    flex: none;
  }
  .check {
    display: flex;
    gap: 0.625em;
    align-items: flex-start;
  }
  .check label {
    font-weight: 400;
  }
  input.code {
    font-size: 1.5em;
    letter-spacing: 0.4em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
`;
