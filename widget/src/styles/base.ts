import { css } from "lit";

/** What every shadow root of the widget starts from: box model, type, focus ring, hidden text, reduced motion. */
export const base = css`
  :host {
    font-family: var(--mc-font-family);
    font-size: var(--mc-font-size);
    line-height: 1.5;
    color: var(--mc-color-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3,
  p,
  ol,
  ul,
  dl,
  dd,
  figure {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
    line-height: 1.3;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  h3 {
    font-size: 1em;
    font-weight: 600;
  }
  /* Headings take focus only so screen readers start there after a step change: no ring, they are not controls. */
  [tabindex="-1"]:focus {
    outline: none;
  }
  :focus-visible {
    outline: 2px solid var(--mc-color-focus);
    outline-offset: 2px;
  }
  a {
    color: var(--mc-color-brand-text);
    text-underline-offset: 0.15em;
  }
  .muted {
    color: var(--mc-color-text-muted);
  }
  .small {
    font-size: 0.875em;
  }
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
    /* An address or hash that must wrap splits into even lines, never leaving two characters alone. */
    text-wrap: balance;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  [hidden] {
    display: none !important;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
