import { css } from "lit";

/**
 * Buttons: `class="button"` (primary), `button secondary`, `button quiet`, `button block`; a busy button
 * gets `aria-busy="true"` and a `spinner()` inside. Form fields are in `fields.ts` (steps only).
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
`;
