import { css } from "lit";

/** Notices, badges, spinners and skeletons (see `components/notice.ts`, `components/loading.ts`). */
export const feedback = css`
  .notice {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    padding: 0.75em 1em;
    border-radius: var(--mc-radius);
    border: 1px solid var(--mc-color-border);
    border-inline-start-width: 4px;
    background: var(--mc-color-surface);
    color: var(--mc-color-text);
    font-size: 0.9375em;
  }
  .notice strong {
    font-weight: 600;
  }
  .notice.info {
    border-inline-start-color: var(--mc-color-brand-text);
  }
  .notice.success {
    border-inline-start-color: var(--mc-color-success);
  }
  .notice.warning {
    border-inline-start-color: var(--mc-color-warning);
  }
  .notice.error {
    border-inline-start-color: var(--mc-color-danger);
  }
  .notice .actions {
    margin-top: 0.25em;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    padding: 0.125em 0.625em;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    line-height: 1.6;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .badge.success {
    color: var(--mc-color-success);
  }
  .badge.warning {
    color: var(--mc-color-warning);
  }
  .badge.danger {
    color: var(--mc-color-danger);
  }
  .badge.neutral {
    color: var(--mc-color-text-muted);
  }
  .spinner {
    display: inline-block;
    width: 1.1em;
    height: 1.1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: mc-spin 0.7s linear infinite;
    vertical-align: -0.15em;
    flex: none;
  }
  @keyframes mc-spin {
    to {
      transform: rotate(360deg);
    }
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }
  .skeleton span {
    display: block;
    height: 1em;
    border-radius: 6px;
    background: linear-gradient(90deg, var(--mc-color-surface) 0%, var(--mc-color-border) 50%, var(--mc-color-surface) 100%);
    background-size: 200% 100%;
    animation: mc-shimmer 1.4s ease-in-out infinite;
  }
  .skeleton span:nth-child(3n + 1) {
    width: 60%;
  }
  .skeleton span:nth-child(3n + 2) {
    width: 90%;
  }
  .skeleton span:nth-child(3n) {
    width: 75%;
  }
  @keyframes mc-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  .empty {
    text-align: center;
    padding: calc(var(--mc-spacing) * 1.5) var(--mc-spacing);
    color: var(--mc-color-text-muted);
    border: 1px dashed var(--mc-color-border);
    border-radius: var(--mc-radius);
  }
`;
