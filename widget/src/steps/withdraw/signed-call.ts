import type { Withdrawal } from "@machines-card/contract/api/withdrawals";

/** What the wallet will sign, read from the withdrawal's call (bound to the request by the Worker), never from the form. */
export interface SignedCall {
  /** The signed amount in dollars' cents (the collateral's token is a dollar stablecoin), null without decimals. */
  cents: number | null;
  /** The signed amount in the token's own units ("5.00"), or base units when the decimals are unknown. */
  units: string;
  /** Whether `units` are whole tokens (decimals known) or base units. */
  unitsKnown: boolean;
  token: string;
  /** Where the tokens go: the destination, or a relay's pay-in address. */
  recipient: string;
  /** A relay's payout: where the conversion service pays the user. */
  payout: { address: string; extraId: string | null; currency: string | null; network: string | null } | null;
  callTarget: string | null;
  expiresAt: number;
}

export function signedCall(w: Withdrawal): SignedCall | null {
  const call = w.call;
  if (!call) return null;
  const decimals = call.tokenDecimals ?? null;
  const amount = BigInt(call.amountNative);
  const relay = w.relay;
  return {
    cents: decimals === null ? null : Number((amount * 100n) / 10n ** BigInt(decimals)),
    units: decimals === null ? amount.toString() : tokenUnits(amount, decimals),
    unitsKnown: decimals !== null,
    token: call.tokenAddress,
    recipient: call.recipient,
    payout: relay?.payoutAddress
      ? { address: relay.payoutAddress, extraId: relay.payoutExtraId ?? null, currency: relay.toCurrency ?? null, network: relay.toNetwork ?? null }
      : null,
    callTarget: w.execution?.callTarget ?? null,
    expiresAt: call.expiresAt,
  };
}

/** Base units as a decimal string with at least two decimals and no trailing zeros beyond them ("5.00", "0.000001"). */
export function tokenUnits(amount: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const whole = amount / scale;
  const fraction = (amount % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}

/** "0x8335…2913": enough to compare with a block explorer, short enough for one line. */
export const shortAddress = (address: string) => (address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address);
