import type { StepName } from "@machines-card/contract/steps";
import type { StepChangeReason } from "./before-step-change";

export interface StepChangeDetail {
  from: StepName | null;
  to: StepName;
  reason: StepChangeReason;
  /** Position of `to` among the configured steps, from 0. */
  index: number;
  /** Number of configured steps. */
  total: number;
}

/** The element now shows another step (after its code loaded). */
export class StepChangeEvent extends CustomEvent<StepChangeDetail> {
  static readonly eventName = "mc-step-change";
  constructor(detail: StepChangeDetail) {
    super(StepChangeEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-step-change": StepChangeEvent;
  }
}
