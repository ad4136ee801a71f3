import { css } from "lit";

/** The card step's own rules; everything else comes from the shared step styles and the tokens. */
export const cardStepStyles = css`
  .balances {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--mc-spacing);
  }
  .balances dt {
    color: var(--mc-color-text-muted);
    font-size: 0.875em;
  }
  .balances dd {
    font-size: 1.25em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  .card-item {
    display: flex;
    flex-direction: column;
    gap: calc(var(--mc-spacing) / 2);
  }
  .card-item[data-status="canceled"] h3 {
    color: var(--mc-color-text-muted);
  }
  .limit-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--mc-spacing);
    align-items: start;
  }
  .secrets {
    display: flex;
    flex-direction: column;
    gap: calc(var(--mc-spacing) * 0.75);
  }
  .secrets-list {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: 0.5em calc(var(--mc-spacing) * 0.75);
    align-items: center;
  }
  .secrets-list dt {
    color: var(--mc-color-text-muted);
    font-size: 0.875em;
  }
  .secrets-list .mono {
    font-size: 1.0625em;
    letter-spacing: 0.02em;
  }
  /* Groups of four break between groups, never inside one. */
  .secrets-list .pan {
    word-spacing: 0.15em;
    overflow-wrap: normal;
  }
  .secrets-list .copy {
    text-align: end;
  }
  .button.compact {
    min-height: 2.25em;
    padding: 0.375em 0.75em;
    font-size: 0.875em;
  }
  .button.danger {
    background: var(--mc-color-background);
    color: var(--mc-color-danger);
    border-color: var(--mc-color-danger);
  }
  .button.danger:hover:not(:disabled) {
    background: color-mix(in srgb, var(--mc-color-danger) 10%, var(--mc-color-background));
  }
  mc-copy-button::part(button) {
    white-space: nowrap;
    min-height: 2.25em;
    padding: 0.375em 0.75em;
    font-size: 0.875em;
  }
`;
