import type { StepName } from "@machines-card/contract/steps";

/** Why the element moves: its first step, a returning user's resume, the journey going on, or the user choosing. */
export type StepChangeReason = "start" | "resume" | "next" | "user" | "signed-out" | "config";

export interface BeforeStepChangeDetail {
  from: StepName | null;
  to: StepName;
  reason: StepChangeReason;
}

/**
 * Fired before the element moves to another step. Cancelable: call `preventDefault()` to keep the
 * user where they are (for example while the host page shows its own dialog). Moves there is no
 * staying out of (opening the first step, signing out, the session ending, a step removed from
 * `steps`) are not cancelable.
 */
export class BeforeStepChangeEvent extends CustomEvent<BeforeStepChangeDetail> {
  static readonly eventName = "mc-before-step-change";
  constructor(detail: BeforeStepChangeDetail, options: { cancelable?: boolean } = {}) {
    super(BeforeStepChangeEvent.eventName, { bubbles: true, composed: true, cancelable: options.cancelable ?? true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-before-step-change": BeforeStepChangeEvent;
  }
}
