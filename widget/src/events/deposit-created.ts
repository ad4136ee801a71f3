export interface DepositCreatedDetail {
  depositId: string;
  currency: string;
  network: string;
  /** The public address the user sends funds to. */
  depositAddress: string | null;
  /** Memo or tag that must accompany the transfer, when the network needs one. */
  memo: string | null;
}

/** A deposit address was created for the user. */
export class DepositCreatedEvent extends CustomEvent<DepositCreatedDetail> {
  static readonly eventName = "mc-deposit-created";
  constructor(detail: DepositCreatedDetail) {
    super(DepositCreatedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-deposit-created": DepositCreatedEvent;
  }
}
