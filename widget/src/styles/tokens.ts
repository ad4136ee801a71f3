import { css } from "lit";

/** The dark palette: for `theme="dark"`, and for `theme="auto"` when the visitor's system is dark. */
const dark = css`
  --mc-color-brand: #6760ee; /* 4.6:1 under white text */
  --mc-color-on-brand: #ffffff;
  --mc-color-brand-text: #a9a4ff;
  --mc-color-background: #15161a;
  --mc-color-surface: #1f2026;
  --mc-color-text: #f2f3f5;
  --mc-color-text-muted: #a6aab3;
  --mc-color-border: #32343c;
  --mc-color-border-strong: #777c87;
  --mc-color-danger: #f97066;
  --mc-color-success: #47cd89;
  --mc-color-warning: #fdb022;
  --mc-shadow: 0 1px 2px rgb(0 0 0 / 0.4), 0 4px 16px rgb(0 0 0 / 0.35);
  color-scheme: dark;
`;

/**
 * The design tokens, as documented custom properties on the element. A partner sets any of them on
 * `machines-card` from outside (outer rules win over `:host`), in light and dark alike. Defaults meet
 * WCAG AA contrast for text (4.5:1) and for input borders (3:1) on their backgrounds.
 */
export const tokens = css`
  :host {
    --mc-color-brand: #4f46e5;
    --mc-color-on-brand: #ffffff;
    --mc-color-brand-text: #4338ca;
    --mc-color-background: #ffffff;
    --mc-color-surface: #f6f7f9;
    --mc-color-text: #17181c;
    --mc-color-text-muted: #555a63;
    --mc-color-border: #e1e3e8;
    --mc-color-border-strong: #80858f;
    --mc-color-danger: #b42318;
    --mc-color-success: #067647;
    --mc-color-warning: #8a3a09;
    --mc-color-focus: var(--mc-color-brand-text);
    --mc-font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
    --mc-font-size: 1rem;
    --mc-radius: 0.625rem;
    --mc-spacing: 1rem;
    --mc-shadow: 0 1px 2px rgb(16 24 40 / 0.06), 0 4px 16px rgb(16 24 40 / 0.08);
    color-scheme: light;
  }
  :host([theme="dark"]) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme="auto"]) {
      ${dark}
    }
  }
`;
