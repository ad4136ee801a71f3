export interface DepositCompletedDetail {
  depositId: string;
  /** Credit limit after the deposit, in US cents, when the Worker reported it. */
  creditLimitCents: number | null;
}

/** A deposit arrived and was credited. */
export class DepositCompletedEvent extends CustomEvent<DepositCompletedDetail> {
  static readonly eventName = "mc-deposit-completed";
  constructor(detail: DepositCompletedDetail) {
    super(DepositCompletedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-deposit-completed": DepositCompletedEvent;
  }
}
