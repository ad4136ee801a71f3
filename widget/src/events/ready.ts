import type { StepName } from "@machines-card/contract/steps";

export interface ReadyDetail {
  /** The environment the Worker runs in (the contract's `Environment`, written out so the declarations need no zod). */
  environment: "sandbox" | "production";
  /** The step the element opened at (a returning user resumes where they left off). */
  step: StepName;
  /** Whether a session was restored from an earlier visit. */
  signedIn: boolean;
}

/** The element reached the Worker, checked its configuration and shows its first step. */
export class ReadyEvent extends CustomEvent<ReadyDetail> {
  static readonly eventName = "mc-ready";
  constructor(detail: ReadyDetail) {
    super(ReadyEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-ready": ReadyEvent;
  }
}
