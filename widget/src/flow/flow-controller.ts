import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { StepName } from "@machines-card/contract/steps";
import { BeforeStepChangeEvent, type StepChangeReason } from "../events/before-step-change";
import { StepChangeEvent, type StepChangeDetail } from "../events/step-change";
import { loadStep } from "../steps/registry";
import type { StepElement } from "../steps/step-element";
import { canEnter } from "./guards";
import type { JourneyState } from "./journey-state";

export interface FlowHost extends ReactiveControllerHost, HTMLElement {
  /** The configured steps, in order. */
  readonly configuredSteps: readonly StepName[];
  readonly journey: JourneyState;
  /** Gives a freshly created step element its context, before it first renders. */
  prepareStep(element: StepElement): void;
  /** After a step change: announce it, and move focus to the step's heading when `focus`. */
  stepShown(detail: StepChangeDetail, focus: boolean): void;
}

/**
 * Moves the host cannot be talked out of: opening (there is nowhere else to be), and the user no longer
 * being allowed where they were.
 */
const FORCED: ReadonlySet<StepChangeReason> = new Set(["start", "resume", "signed-out", "config"]);

/**
 * The active step and the one transition function every path goes through (start, resume, next, a
 * click in the progress indicator, the host's `goTo`, sign-out): guard, cancelable
 * `mc-before-step-change`, load the step's chunk, show it, `mc-step-change`, focus and announce.
 */
export class FlowController implements ReactiveController {
  current: StepName | null = null;
  element: StepElement | null = null;
  /** The step whose code is loading. */
  pending: StepName | null = null;
  /** The step whose code failed to load (offline): the host offers to try again. */
  failed: { step: StepName; reason: StepChangeReason } | null = null;
  private seq = 0;

  constructor(private readonly host: FlowHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Resets to no step (the element lost its Worker and starts over). */
  reset(): void {
    this.seq++;
    this.current = null;
    this.element = null;
    this.pending = null;
    this.failed = null;
    this.host.requestUpdate();
  }

  /**
   * Moves to `to` when the configured steps include it, its guard lets the user in, and no listener
   * cancels. Resolves true once the step shows; false when it was refused, canceled, overtaken by a
   * later move, or its code failed to load.
   */
  async go(to: StepName, reason: StepChangeReason): Promise<boolean> {
    const steps = this.host.configuredSteps;
    if (!steps.includes(to) || !canEnter(to, this.host.journey)) return false;
    if (to === this.current && this.element && !this.failed) return true;

    const forced = FORCED.has(reason);
    const before = new BeforeStepChangeEvent({ from: this.current, to, reason }, { cancelable: !forced });
    this.host.dispatchEvent(before);
    if (before.defaultPrevented) return false;

    const seq = ++this.seq;
    this.pending = to;
    this.failed = null;
    this.host.requestUpdate();
    let tag: string;
    try {
      tag = await loadStep(to);
    } catch {
      if (seq === this.seq) {
        this.pending = null;
        this.failed = { step: to, reason };
        this.host.requestUpdate();
      }
      return false;
    }
    if (seq !== this.seq) return false;

    const from = this.current;
    const element = document.createElement(tag) as StepElement;
    this.host.prepareStep(element);
    // The step's strings in the page's language, when they are their own file (English is inline).
    await element.loadMessages().catch(() => undefined);
    if (seq !== this.seq) return false;
    this.current = to;
    this.element = element;
    this.pending = null;
    this.host.requestUpdate();
    await this.host.updateComplete;
    await element.updateComplete;
    if (seq !== this.seq) return false;
    const detail: StepChangeDetail = { from, to, reason, index: steps.indexOf(to), total: steps.length };
    this.host.dispatchEvent(new StepChangeEvent(detail));
    this.host.stepShown(detail, reason !== "start" && reason !== "resume");
    return true;
  }

  /** Tries the step whose code failed to load again. */
  retry(): Promise<boolean> {
    return this.failed ? this.go(this.failed.step, this.failed.reason) : Promise.resolve(false);
  }
}
