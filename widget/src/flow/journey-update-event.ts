import type { StepName } from "@machines-card/contract/steps";
import type { JourneyState } from "./journey-state";

export interface JourneyUpdate {
  /** New facts about the journey (KYC status, agreements accepted, balances, the signed-in user). */
  patch?: Partial<JourneyState>;
  /**
   * Asks the element to move: to the next configured step, to where the user should resume (the
   * furthest step their state allows), or to a named step. Guards still apply.
   */
  go?: StepName | "next" | "resume";
}

/**
 * Internal: a step tells the element what changed and where to go. It bubbles inside the element's
 * shadow root only (not composed), so the page never sees it; the public events are separate.
 */
export class JourneyUpdateEvent extends Event {
  static readonly eventName = "mc-internal-journey-update";
  readonly update: JourneyUpdate;
  constructor(update: JourneyUpdate) {
    super(JourneyUpdateEvent.eventName, { bubbles: true, composed: false });
    this.update = update;
  }
}
