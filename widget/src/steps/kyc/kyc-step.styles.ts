import { css } from "lit";

/** The KYC form grid (two columns on a wide card, one on a narrow one) and the status view. */
export const kycStyles = css`
  form {
    container-type: inline-size;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(6, minmax(0, 1fr));
    gap: var(--mc-spacing) calc(var(--mc-spacing) * 0.75);
    align-items: start;
  }
  .cell {
    grid-column: span 6;
    min-width: 0;
  }
  @container (min-width: 30rem) {
    .span-2 {
      grid-column: span 2;
    }
    .span-3 {
      grid-column: span 3;
    }
    .span-4 {
      grid-column: span 4;
    }
  }
  fieldset.group {
    display: flex;
    flex-direction: column;
    gap: calc(var(--mc-spacing) * 0.75);
    padding-top: calc(var(--mc-spacing) * 0.25);
  }
  fieldset.group legend {
    float: left;
    width: 100%;
    margin-bottom: calc(var(--mc-spacing) * 0.75);
    padding: 0 0 0.375em;
    border-bottom: 1px solid var(--mc-color-border);
    font-weight: 600;
  }
  fieldset.group legend + .grid {
    clear: both;
  }
  .status .spread {
    align-items: center;
  }
  .reason {
    padding: 0.5em 0.75em;
    border-radius: calc(var(--mc-radius) * 0.8);
    background: var(--mc-color-surface);
  }
  .watching {
    gap: 0.5em;
  }
`;
