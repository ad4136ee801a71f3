import { css } from "lit";

/** Layout helpers shared by the steps: vertical rhythm, rows of actions, key/value summaries. */
export const layout = css`
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--mc-spacing);
  }
  .stack-tight {
    display: flex;
    flex-direction: column;
    gap: calc(var(--mc-spacing) / 2);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--mc-spacing) / 2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--mc-spacing) * 0.75);
    margin-top: calc(var(--mc-spacing) / 2);
  }
  .spread {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--mc-spacing);
  }
  .panel {
    background: var(--mc-color-surface);
    border: 1px solid var(--mc-color-border);
    border-radius: var(--mc-radius);
    padding: var(--mc-spacing);
  }
  dl.summary {
    display: grid;
    /* Labels at most ~45% wide (they wrap): a long label (German) must not squeeze the value into a sliver. */
    grid-template-columns: fit-content(45%) minmax(0, 1fr);
    gap: 0.5em var(--mc-spacing);
  }
  dl.summary dt {
    color: var(--mc-color-text-muted);
    min-width: 0;
    overflow-wrap: break-word;
    hyphens: auto;
  }
  dl.summary dd {
    text-align: end;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  ul.plain {
    list-style: none;
    padding: 0;
  }
  ul.divided > li + li {
    border-top: 1px solid var(--mc-color-border);
  }
  ul.divided > li {
    padding: calc(var(--mc-spacing) * 0.75) 0;
  }
`;
