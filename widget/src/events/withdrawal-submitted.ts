export interface WithdrawalSubmittedDetail {
  withdrawalId: string;
  /** Hash of the transaction the wallet sent. */
  txHash: string;
  amountCents: number;
}

/** The wallet sent the withdrawal transaction; it is not confirmed yet. */
export class WithdrawalSubmittedEvent extends CustomEvent<WithdrawalSubmittedDetail> {
  static readonly eventName = "mc-withdrawal-submitted";
  constructor(detail: WithdrawalSubmittedDetail) {
    super(WithdrawalSubmittedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-withdrawal-submitted": WithdrawalSubmittedEvent;
  }
}
