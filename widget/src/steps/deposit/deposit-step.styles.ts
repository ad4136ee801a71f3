import { css } from "lit";

/** The deposit form (asset and network side by side) and the address card (QR code beside the address). */
export const depositStyles = css`
  :host {
    container-type: inline-size;
  }
  .pair {
    display: grid;
    gap: var(--mc-spacing);
  }
  .estimate:empty {
    /* Keeps the live region in place without leaving a gap while there is nothing to say. */
    margin-top: calc(var(--mc-spacing) * -1);
  }
  .estimate {
    font-weight: 500;
  }
  .address-card {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--mc-spacing);
  }
  .address-text {
    align-items: flex-start;
    min-width: 0;
    width: 100%;
  }
  .address,
  .memo-value {
    font-size: 0.9375em;
    word-break: break-all;
    user-select: all;
  }
  .memo-value {
    font-size: 1.25em;
    font-weight: 600;
  }
  .memo {
    border-inline-start: 4px solid var(--mc-color-warning);
  }
  /* Scanners need dark modules on a light ground with a quiet zone, in light and dark themes alike. */
  .qr {
    display: block;
    flex: none;
    width: 10rem;
    height: 10rem;
    background: #fff;
    fill: #000;
    border-radius: calc(var(--mc-radius) * 0.6);
  }
  @container (min-width: 30rem) {
    .pair {
      grid-template-columns: 1fr 1fr;
    }
    .address-card {
      flex-direction: row;
      align-items: flex-start;
    }
  }
`;
