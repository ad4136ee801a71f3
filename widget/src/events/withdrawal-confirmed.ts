export interface WithdrawalConfirmedDetail {
  withdrawalId: string;
  /** Hash of the confirmed transaction on chain. */
  txHash: string;
  amountCents: number;
}

/** The withdrawal transaction is confirmed on chain. */
export class WithdrawalConfirmedEvent extends CustomEvent<WithdrawalConfirmedDetail> {
  static readonly eventName = "mc-withdrawal-confirmed";
  constructor(detail: WithdrawalConfirmedDetail) {
    super(WithdrawalConfirmedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-withdrawal-confirmed": WithdrawalConfirmedEvent;
  }
}
