import type { Balances } from "@machines-card/contract/api/balances";
import type { KycStatus } from "@machines-card/contract/api/kyc";
import type { StepName } from "@machines-card/contract/steps";

export interface JourneyState {
  kycStatus: KycStatus;
  agreementsAccepted: boolean;
  balances: Balances | null;
}

/**
 * Where a returning user resumes: KYC until approved, then agreements until accepted, then deposit
 * until the card has credit, then card.
 */
export function nextStep(s: JourneyState): StepName {
  if (s.kycStatus !== "approved") return "kyc";
  if (!s.agreementsAccepted) return "agreements";
  if (!s.balances || s.balances.creditLimit <= 0) return "deposit";
  return "card";
}
