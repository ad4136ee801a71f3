import { css } from "lit";

/**
 * Form fields for the steps (labels, hints, errors, inputs, selects, checkboxes, the one-time-code
 * input): the element's frame has none, so they come with the step base rather than the entry.
 */
export const fields = css`
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
