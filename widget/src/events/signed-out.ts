export interface SignedOutDetail {
  /** `user`: the user chose to sign out; `expired`: the session could not be renewed. */
  reason: "user" | "expired";
}

/** The user is signed out; the element is back at sign-in. */
export class SignedOutEvent extends CustomEvent<SignedOutDetail> {
  static readonly eventName = "mc-signed-out";
  constructor(detail: SignedOutDetail) {
    super(SignedOutEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-signed-out": SignedOutEvent;
  }
}
