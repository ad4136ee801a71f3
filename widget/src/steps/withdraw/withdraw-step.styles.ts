import { css } from "lit";

/** The withdraw step's own rules; everything else comes from the shared step styles and the tokens. */
export const withdrawStepStyles = css`
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--mc-spacing);
    align-items: start;
  }
  .estimate {
    min-height: 1.5em;
    margin-top: calc(var(--mc-spacing) * -0.5);
  }
  .available {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--mc-spacing);
  }
  .available strong {
    font-size: 1.125em;
    font-variant-numeric: tabular-nums;
  }
  .block {
    display: block;
  }
  dl.summary {
    padding: var(--mc-spacing);
    border: 1px solid var(--mc-color-border);
    border-radius: var(--mc-radius);
    background: var(--mc-color-surface);
  }
  .stages {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .stages li {
    display: flex;
    align-items: center;
    gap: 0.625em;
  }
  .stages .next {
    color: var(--mc-color-text-muted);
  }
  .stages .current {
    font-weight: 600;
  }
  .stages .mark {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.75em;
    height: 1.75em;
    flex: none;
    border-radius: 50%;
    border: 1px solid var(--mc-color-border-strong);
    font-size: 0.8125em;
    font-variant-numeric: tabular-nums;
  }
  .stages .done .mark {
    background: var(--mc-color-success);
    border-color: var(--mc-color-success);
    color: var(--mc-color-background);
  }
  .stages .current .mark {
    border-color: transparent;
    color: var(--mc-color-brand-text);
  }
  dl.summary .wide {
    grid-column: 1 / -1;
  }
  dl.summary dd.wide {
    text-align: start;
    margin-top: -0.375em;
  }
  dl.summary .mono {
    font-size: 0.875em;
  }
  dl.summary .mono .small {
    font-family: var(--mc-font-family);
    margin-top: 0.25em;
  }
  .tx-hash {
    display: flex;
    flex-direction: column;
    align-items: start;
    gap: 0.5em;
  }
  /* Any character may end a line of the hash, so the two lines come out even (see .mono). */
  .tx-hash .mono {
    word-break: break-all;
  }
  mc-copy-button::part(button) {
    white-space: nowrap;
    min-height: 2.25em;
    padding: 0.375em 0.75em;
    font-size: 0.875em;
  }
`;
