import type { KycStatus } from "../../../shared/api/kyc";

export interface KycStatusDetail {
  status: KycStatus;
  /** Machines' reason, when it gives one (for example why more information is needed). */
  reason: string | null;
}

/** The user's identity verification status is known or changed. */
export class KycStatusEvent extends CustomEvent<KycStatusDetail> {
  static readonly eventName = "mc-kyc-status";
  constructor(detail: KycStatusDetail) {
    super(KycStatusEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-kyc-status": KycStatusEvent;
  }
}
