/**
 * Machines' KYC statuses as the event reports them: the known ones, or an unknown one carried as a string.
 * Written out rather than imported from the contract so the package's declarations need no zod
 * (events.test.ts checks it stays equal to the contract's `KycStatus`).
 */
export type KycStatusName =
  | "not_submitted"
  | "pending"
  | "manual_review"
  | "needs_verification"
  | "needs_information"
  | "approved"
  | "denied"
  | "locked"
  | "canceled"
  | (string & {});

export interface KycStatusDetail {
  status: KycStatusName;
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
