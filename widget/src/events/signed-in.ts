export interface SignedInDetail {
  /** The identity provider's user id (never a token). */
  userId: string;
  email: string | null;
  /** True when an earlier session was restored rather than a code entered now. */
  restored: boolean;
}

/** The user signed in (or an earlier session was restored). No token is ever part of the detail. */
export class SignedInEvent extends CustomEvent<SignedInDetail> {
  static readonly eventName = "mc-signed-in";
  constructor(detail: SignedInDetail) {
    super(SignedInEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "mc-signed-in": SignedInEvent;
  }
}
