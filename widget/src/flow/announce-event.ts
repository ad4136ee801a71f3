/**
 * Internal: a step asks the element to announce a sentence politely (status changes such as
 * "Deposit received"), through the element's one live region.
 */
export class AnnounceEvent extends Event {
  static readonly eventName = "mc-internal-announce";
  readonly message: string;
  constructor(message: string) {
    super(AnnounceEvent.eventName, { bubbles: true, composed: false });
    this.message = message;
  }
}
