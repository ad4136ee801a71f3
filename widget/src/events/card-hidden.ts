/** Why shown card details went away: the user hid them, their time ran out, the page was hidden, or another card's replaced them. */
export type CardHiddenReason = "user" | "timeout" | "hidden" | "replaced";

export interface CardHiddenDetail {
  cardId: string;
  reason: CardHiddenReason;
}

/** Card details shown in the reveal frame are gone from the screen (and from the frame). */
export class CardHiddenEvent extends CustomEvent<CardHiddenDetail> {
  static readonly eventName = "mc-card-hidden";
  constructor(detail: CardHiddenDetail) {
    super(CardHiddenEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-card-hidden": CardHiddenEvent;
  }
}
