import { css } from "lit";
import { base } from "./styles/base";
import { controls } from "./styles/controls";
import { feedback } from "./styles/feedback";
import { layout } from "./styles/layout";
import { tokens } from "./styles/tokens";

/** The element's frame: the card surface, its header (progress, sandbox badge, sign-out) and body. */
export const machinesCardStyles = [
  tokens,
  base,
  layout,
  controls,
  feedback,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    .frame {
      display: flex;
      flex-direction: column;
      gap: calc(var(--mc-spacing) * 1.25);
      padding: calc(var(--mc-spacing) * 1.5);
      background: var(--mc-color-background);
      color: var(--mc-color-text);
      border: 1px solid var(--mc-color-border);
      border-radius: calc(var(--mc-radius) * 1.4);
      box-shadow: var(--mc-shadow);
    }
    header {
      display: flex;
      flex-direction: column;
      gap: calc(var(--mc-spacing) * 0.75);
    }
    .meta {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--mc-spacing);
      min-height: 2.25em;
    }
    .meta .who {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      color: var(--mc-color-text-muted);
      font-size: 0.875em;
    }
    .meta .end {
      display: flex;
      align-items: center;
      gap: 0.5em;
      margin-inline-start: auto;
    }
    .progress ol {
      display: flex;
      gap: 0.375em;
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .progress li {
      flex: 1 1 0;
      /* A long name (bold when current: "Agreements") widens its column rather than being cut short. */
      min-width: min-content;
    }
    .progress button {
      display: flex;
      flex-direction: column;
      gap: 0.375em;
      width: 100%;
      padding: 0.25em 0;
      border: 0;
      background: none;
      color: var(--mc-color-text-muted);
      font: inherit;
      font-size: 0.75em;
      text-align: start;
      cursor: pointer;
      border-radius: 4px;
    }
    .progress button:disabled {
      cursor: default;
    }
    .progress .bar {
      display: block;
      height: 4px;
      border-radius: 2px;
      background: var(--mc-color-border);
      transition: background-color 200ms ease;
    }
    .progress .done .bar,
    .progress .current .bar {
      background: var(--mc-color-brand);
    }
    .progress .current button {
      color: var(--mc-color-text);
      font-weight: 600;
    }
    .progress .label {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .progress .index {
      display: none;
    }
    .progress .caption {
      display: none;
      margin-top: 0.5em;
      font-size: 0.8125em;
      color: var(--mc-color-text-muted);
    }
    /* Narrow cards: the bars alone, and one caption naming the current step (labels stay for screen readers). */
    @container (max-width: 34rem) {
      .progress .label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .progress .caption {
        display: block;
      }
      .progress button {
        padding: 0.5em 0;
      }
    }
    .body {
      display: flex;
      flex-direction: column;
      gap: var(--mc-spacing);
      min-height: 8rem;
    }
  `,
];
