import { html, nothing, type TemplateResult } from "lit";
import type { ConfigProblem } from "../config/config-problem";
import type { ProblemMessages } from "../config/problem-messages";
import type { I18n, MessageValues } from "../i18n/translator";
import { notice } from "../components/notice";

// Its own chunk with the problems' sentences: loaded only by a page with a configuration problem.

/** One of the problems' messages (a problem's sentence, the panels' titles) in the page's language. */
export type ProblemText = (key: keyof ProblemMessages & string, values?: MessageValues) => string;

/** A fatal configuration problem, in place of the journey: what is wrong and how to fix it. */
export function blocked(i18n: I18n, text: ProblemText, problem: ConfigProblem, retry: (() => void) | null): TemplateResult {
  return html`<div part="error">
    ${notice("error", html`${text("blocked.help")} <span class="mono">${text(problem.key, problem.vars)}</span>`, {
      title: text("blocked.title"),
      actions: retry ? html`<button type="button" class="button secondary" part="button" @click=${retry}>${i18n.core("retry")}</button>` : undefined,
    })}
  </div>`;
}

/** Non-fatal configuration problems (a default was used instead), for the page's developers. */
export function warnings(i18n: I18n, text: ProblemText, problems: readonly ConfigProblem[]): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  return html`<div part="warnings">
    ${notice(
      "warning",
      html`<ul class="small">
        ${problems.map((p) => html`<li>${text(p.key, p.vars)}</li>`)}
      </ul>`,
      { title: text("warnings.title") },
    )}
  </div>`;
}
