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
  /* The Worker's reveal frame: as wide as the card, as tall as its content says (it posts its height). */
  .reveal-frame {
    display: block;
    width: 100%;
    height: 0;
    border: 0;
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
`;
