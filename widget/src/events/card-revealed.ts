export interface CardRevealedDetail {
  cardId: string;
  /** The last four digits only: the details themselves are in the Worker's frame, never in the page. */
  last4: string;
}

/** A card's details are on screen, in the reveal frame. The detail never carries the number, CVC or expiry. */
export class CardRevealedEvent extends CustomEvent<CardRevealedDetail> {
  static readonly eventName = "mc-card-revealed";
  constructor(detail: CardRevealedDetail) {
    super(CardRevealedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-card-revealed": CardRevealedEvent;
  }
}
