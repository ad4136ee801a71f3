export interface AgreementsAcceptedDetail {
  /** The agreement ids the user consented to. */
  agreementIds: string[];
  acceptedAt: string | null;
}

/** The user explicitly accepted the card agreements. */
export class AgreementsAcceptedEvent extends CustomEvent<AgreementsAcceptedDetail> {
  static readonly eventName = "mc-agreements-accepted";
  constructor(detail: AgreementsAcceptedDetail) {
    super(AgreementsAcceptedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-agreements-accepted": AgreementsAcceptedEvent;
  }
}
