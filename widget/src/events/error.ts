import type { StepName } from "@machines-card/contract/steps";

export interface MachinesCardErrorDetail {
  /**
   * What went wrong, to switch on: a configuration code (`missing_attribute`, `invalid_attribute`,
   * `worker_unreachable`, `worker_invalid`, `origin_not_allowed`, `environment_mismatch`, and the non-fatal
   * `version_mismatch`, `messages_unavailable`, `messages_invalid`), or a
   * Worker error code from its envelope (`kyc_required`, `upstream_unavailable`, …).
   */
  code: string;
  /** A sentence for the partner's developers or logs, saying how to fix it when it is a setup mistake. */
  message: string;
  /** The attribute or input field concerned, when there is one. */
  field?: string;
  /** The step the error happened in. */
  step?: StepName;
  /** The Worker's request id, to find the request in its logs. */
  requestId?: string;
  /** True when the element cannot go on until the page or the Worker is fixed. */
  fatal: boolean;
}

/** Something went wrong: a configuration mistake, the Worker unreachable, or a failed request. */
export class MachinesCardErrorEvent extends CustomEvent<MachinesCardErrorDetail> {
  static readonly eventName = "mc-error";
  constructor(detail: MachinesCardErrorDetail) {
    super(MachinesCardErrorEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-error": MachinesCardErrorEvent;
  }
}
