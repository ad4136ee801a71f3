import { html, nothing, type TemplateResult } from "lit";
import type { StepName } from "@machines-card/contract/steps";
import { canEnter, isComplete } from "../flow/guards";
import type { JourneyState } from "../flow/journey-state";
import type { I18n } from "../i18n/translator";

export interface ProgressOptions {
  steps: readonly StepName[];
  current: StepName | null;
  state: JourneyState;
  i18n: I18n;
  onSelect: (step: StepName) => void;
}

/**
 * The progress indicator: one button per configured step (a step the user may not enter yet is
 * disabled), `aria-current="step"` on the current one, "done" read out for completed ones.
 */
export function progress(o: ProgressOptions): TemplateResult {
  const { i18n } = o;
  return html`<nav class="progress" aria-label=${i18n.core("progress.label")}>
    <ol part="progress">
      ${o.steps.map((step, index) => {
        const current = step === o.current;
        const done = isComplete(step, o.state);
        const open = canEnter(step, o.state);
        const name = i18n.core(`step.${step}`);
        // Read after the name as ", done" / ", locked": adjacent to the label, so no stray space is read before the comma.
        const states = [done ? i18n.core("progress.done") : "", open ? "" : i18n.core("progress.locked")].filter(Boolean);
        const said = states.length ? html`<span class="visually-hidden">, ${states.join(", ")}</span>` : nothing;
        return html`<li part="progress-step" class=${`${current ? "current" : ""} ${done ? "done" : ""}`}>
          <button type="button" ?disabled=${!open} aria-current=${current ? "step" : nothing} @click=${() => o.onSelect(step)}>
            <span class="bar" aria-hidden="true"></span>
            <span class="label"><span class="index" aria-hidden="true">${index + 1}</span> ${name}</span>${said}
          </button>
        </li>`;
      })}
    </ol>
    ${o.current
      ? html`<p class="caption" aria-hidden="true">
          ${i18n.core("announce.step", { index: o.steps.indexOf(o.current) + 1, total: o.steps.length, name: i18n.core(`step.${o.current}`) })}
        </p>`
      : nothing}
  </nav>`;
}
