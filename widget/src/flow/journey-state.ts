import type { Balances } from "@machines-card/contract/api/balances";
import type { KycState } from "@machines-card/contract/api/kyc";
import type { Bootstrap } from "@machines-card/contract/api/me";
import type { StepName } from "@machines-card/contract/steps";

/**
 * What the element knows about the user's journey: the one typed state the guards read and every
 * step receives. Steps report changes to it (`StepElement.report`); only the element writes it.
 */
export interface JourneyState {
  /** The signed-in user, or null. */
  user: { id: string; email: string | null } | null;
  /** The user's wallet address, as the Worker knows it. */
  walletAddress: string | null;
  kyc: KycState | null;
  agreementsAccepted: boolean;
  /** Null until the agreements are accepted. */
  balances: Balances | null;
  /** Where the Worker says a returning user should resume. */
  nextStep: StepName | null;
  /** Whether the user holds a card that is not canceled: the card step learns it (the bootstrap lists no cards). */
  hasCard: boolean;
}

export const SIGNED_OUT: JourneyState = {
  user: null,
  walletAddress: null,
  kyc: null,
  agreementsAccepted: false,
  balances: null,
  nextStep: null,
  hasCard: false,
};

/** The state after the Worker's bootstrap route (`GET /v1/me`). */
export function stateFromBootstrap(me: Bootstrap, user: JourneyState["user"]): JourneyState {
  return {
    user: user ?? { id: me.user.id, email: me.user.email },
    walletAddress: me.user.walletAddress,
    kyc: me.kyc,
    agreementsAccepted: me.agreements.accepted,
    balances: me.balances,
    nextStep: me.nextStep,
    hasCard: false,
  };
}
