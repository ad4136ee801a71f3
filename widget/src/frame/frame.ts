import { html, nothing, type TemplateResult } from "lit";
import type { StepName } from "@machines-card/contract/steps";
import { skeleton } from "../components/loading";
import { notice } from "../components/notice";
import type { ConfigProblem } from "../config/config-problem";
import type { Prerequisite } from "../flow/guards";
import type { JourneyState } from "../flow/journey-state";
import type { I18n } from "../i18n/translator";
import type { StepElement } from "../steps/step-element";
import type { progress } from "./progress";

/** Configuration problems as the frame shows them (`frame/problems.ts`, with their sentences). */
export interface ProblemViews {
  /** A fatal problem, in place of the journey. */
  blocked(problem: ConfigProblem, retry: (() => void) | null): TemplateResult;
  /** Non-fatal problems, for the page's developers. */
  warnings(problems: readonly ConfigProblem[]): TemplateResult | typeof nothing;
}

/** Everything the frame shows, as the element knows it. */
export interface FrameState {
  i18n: I18n;
  phase: "connecting" | "blocked" | "running";
  steps: readonly StepName[];
  current: StepName | null;
  journey: JourneyState;
  sandbox: boolean;
  /** Non-fatal configuration problems (shown as setup warnings). */
  warnings: readonly ConfigProblem[];
  /** How configuration problems show; null until their strings and templates have loaded (a page set up right never loads them). */
  problemViews: ProblemViews | null;
  /** The configuration problem that stops the element, if any. */
  fatal: ConfigProblem | undefined;
  /** Whether that problem came from reaching the Worker (trying again may help). */
  fatalFromWorker: boolean;
  /** A failure while starting (bootstrap after sign-in or restore). */
  startError: unknown;
  /** The step whose code is loading, or whose code failed to load. */
  pending: StepName | null;
  failed: boolean;
  locked: Prerequisite | null;
  sessionEnded: boolean;
  step: StepElement | null;
  live: string;
  /** The progress indicator, once loaded (with the connection: it shows only while running). */
  progress: typeof progress | null;
}

export interface FrameActions {
  select(step: StepName): void;
  signOut(): void;
  restart(): void;
  retryStep(): void;
}

/** The element's whole shadow content: header (progress, sandbox badge, user, sign-out), warnings, body, live region. */
export function frame(s: FrameState, a: FrameActions): TemplateResult {
  const { i18n } = s;
  const user = s.journey.user;
  const showProgress = s.phase === "running" && s.steps.length > 1 && s.progress !== null;
  return html`<section part="base" class="frame" aria-label=${i18n.core("widget.label")} lang=${i18n.language}>
    ${showProgress || s.sandbox || user ? header(s, a, showProgress) : nothing}
    ${s.problemViews ? s.problemViews.warnings(s.warnings) : nothing}
    <div part="body" class="body">${body(s, a)}</div>
    <div class="visually-hidden" role="status" aria-live="polite">${s.live}</div>
  </section>`;
}

function header(s: FrameState, a: FrameActions, showProgress: boolean): TemplateResult {
  const { i18n } = s;
  const user = s.journey.user;
  return html`<header part="header">
      ${showProgress ? s.progress!({ steps: s.steps, current: s.current, state: s.journey, i18n, onSelect: a.select }) : nothing}
      ${s.sandbox || user
        ? html`<div class="meta">
            ${user?.email ? html`<span class="who">${i18n.core("signedInAs", { email: user.email })}</span>` : nothing}
            <span class="end">
              ${s.sandbox ? html`<span part="badge" class="badge warning" title=${i18n.core("badge.sandboxHint")}>${i18n.core("badge.sandbox")}</span>` : nothing}
              ${user ? html`<button type="button" part="sign-out" class="button quiet" @click=${a.signOut}>${i18n.core("signOut")}</button>` : nothing}
            </span>
          </div>`
        : nothing}
    </header>`;
}

function body(s: FrameState, a: FrameActions): TemplateResult | typeof nothing {
  const { i18n } = s;
  // Trying again helps when the Worker was the problem; an attribute problem needs the page fixed.
  if (s.phase === "blocked" && s.fatal) {
    return s.problemViews ? s.problemViews.blocked(s.fatal, s.fatalFromWorker ? a.restart : null) : skeleton(i18n.core("loading"), 2);
  }
  const retry = (run: () => void) => html`<button type="button" class="button secondary" part="button" @click=${run}>${i18n.core("retry")}</button>`;
  if (s.startError) {
    const requestId = requestIdOf(s.startError);
    return notice("error", i18n.error(s.startError), {
      actions: retry(a.restart),
      detail: requestId ? i18n.core("reference", { requestId }) : undefined,
    });
  }
  if (s.failed) return notice("error", i18n.core("stepLoadFailed"), { actions: retry(a.retryStep) });
  if (s.locked) return notice("warning", i18n.core("locked.missingStep", { name: i18n.core(`step.${s.locked}`) }));
  const loading = s.phase === "connecting" || (s.pending && !s.step);
  return html`${s.sessionEnded ? notice("info", i18n.core("sessionExpired")) : nothing}
    ${loading ? skeleton(s.pending ? i18n.core("loadingStep", { name: i18n.core(`step.${s.pending}`) }) : i18n.core("loading")) : nothing}
    ${s.step ?? nothing}`;
}

function requestIdOf(error: unknown): string | undefined {
  return typeof error === "object" && error && "requestId" in error && typeof error.requestId === "string" ? error.requestId : undefined;
}
