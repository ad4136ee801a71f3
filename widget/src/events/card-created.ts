export interface CardCreatedDetail {
  cardId: string;
  /** The last four digits only: never the number, CVC or expiry. */
  last4: string;
  label: string | null;
}

/** A card was created. The detail never carries the card number, CVC or expiry. */
export class CardCreatedEvent extends CustomEvent<CardCreatedDetail> {
  static readonly eventName = "mc-card-created";
  constructor(detail: CardCreatedDetail) {
    super(CardCreatedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-card-created": CardCreatedEvent;
  }
}
