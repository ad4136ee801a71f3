/**
 * A relayed withdrawal: Machines pays the conversion service's pay-in address, which pays the user out
 * (`payout*`, `to*`: null on rows from before migration 0012 or when Machines left them out).
 */
export interface WithdrawalRelay {
  payinAddress: string;
  payinExtraId: string | null;
  payoutAddress: string | null;
  payoutExtraId: string | null;
  toCurrency: string | null;
  toNetwork: string | null;
}

/** What the user asked for, as D1 keeps it: the amount in cents and where it goes. */
export interface WithdrawalRequestFacts {
  amountCents: number;
  destination: { currency: string; network: string; address: string; extraId: string | null };
}
