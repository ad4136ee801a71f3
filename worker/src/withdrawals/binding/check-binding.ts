import { type Address, isAddress, isAddressEqual } from "viem";
import type { WithdrawalCallParameters } from "../call-parameters";
import type { WithdrawalExecution } from "../execution";
import type { WithdrawalRelay, WithdrawalRequestFacts } from "../withdrawal-relay";
import { type BindingRefusal, refuse } from "./withdrawal-refusal";

export interface BindingInput {
  /** What the user asked for (stored in D1 at create). */
  request: WithdrawalRequestFacts;
  /** What Machines prepared. */
  parameters: WithdrawalCallParameters;
  execution: WithdrawalExecution | null;
  relay: WithdrawalRelay | null;
  /** The collateral's token and the allowed call targets (empty: no allowlist). */
  token: Address;
  callTargets: readonly Address[];
  /** The token's decimals, read on chain. */
  decimals: number;
  /** Base units the amount may differ by: the tolerance an estimate quoted; 0 (exact) when none did. */
  toleranceBaseUnits?: bigint;
}

/**
 * Checks a ready withdrawal against the request it answers, before any wallet is asked: the amount in
 * the token's units, the token, the call target and where the money goes (the destination, or for a
 * relay its pay-in address with a payout to the destination). The first difference is the refusal.
 */
export function checkBinding(input: BindingInput): BindingRefusal | null {
  const { request, parameters: p, token, callTargets } = input;
  if (!sameAddress(p.asset, token)) {
    return refuse("withdrawal_asset_mismatch", "asset", `Machines prepared a withdrawal of token ${p.asset}, not the collateral's token ${token}`);
  }
  const amount = amountCheck(request.amountCents, p.amount, input.decimals, input.toleranceBaseUnits ?? 0n);
  if (amount) return amount;

  const target = input.execution?.callTarget ?? null;
  if (!target) return refuse("withdrawal_call_target_mismatch", "callTarget", "Machines named no call target for the withdrawal");
  if (sameAddress(target, p.collateralProxy)) {
    return refuse("withdrawal_call_target_mismatch", "callTarget", "Machines named the collateral itself as the call target");
  }
  if (callTargets.length > 0 && !callTargets.some((allowed) => sameAddress(allowed, target))) {
    return refuse("withdrawal_call_target_mismatch", "callTarget", `${target} is not a controller or coordinator this Worker sends withdrawals to`);
  }
  return destinationCheck(request.destination, p.recipient, input.relay);
}

function amountCheck(amountCents: number, amount: bigint, decimals: number, tolerance: bigint): BindingRefusal | null {
  // cents × 10^decimals / 100, compared without rounding: amount × 100 against cents × 10^decimals.
  const asked = BigInt(amountCents) * 10n ** BigInt(decimals);
  const difference = amount * 100n - asked;
  if ((difference < 0n ? -difference : difference) <= tolerance * 100n) return null;
  return refuse(
    "withdrawal_amount_mismatch",
    "amount",
    `Machines prepared ${amount} base units (${decimals} decimals), not the ${amountCents} cents asked for`,
  );
}

function destinationCheck(destination: WithdrawalRequestFacts["destination"], recipient: Address, relay: WithdrawalRelay | null): BindingRefusal | null {
  if (!relay) {
    if (sameAddress(recipient, destination.address)) return null;
    return refuse("withdrawal_destination_mismatch", "recipient", `Machines prepared a withdrawal to ${recipient}, not to the destination asked for`);
  }
  if (!sameAddress(recipient, relay.payinAddress)) {
    return refuse("withdrawal_destination_mismatch", "recipient", "Machines prepared a withdrawal to another address than its relay's pay-in address");
  }
  if (!relay.payoutAddress || !samePayoutAddress(relay.payoutAddress, destination.address)) {
    return refuse("withdrawal_destination_mismatch", "relay.payoutAddress", "the relay pays out to another address than the destination asked for");
  }
  if ((relay.payoutExtraId || null) !== (destination.extraId || null)) {
    return refuse("withdrawal_destination_mismatch", "relay.payoutExtraId", "the relay pays out with another memo / extra id than the destination's");
  }
  if (!sameCode(relay.toCurrency, destination.currency)) {
    return refuse("withdrawal_destination_mismatch", "relay.toCurrency", `the relay pays out in ${relay.toCurrency ?? "an unnamed currency"}, not ${destination.currency}`);
  }
  if (!sameCode(relay.toNetwork, destination.network)) {
    return refuse("withdrawal_destination_mismatch", "relay.toNetwork", `the relay pays out on ${relay.toNetwork ?? "an unnamed network"}, not ${destination.network}`);
  }
  return null;
}

/** EVM addresses compare case-insensitively; other chains' addresses are case-sensitive. */
function samePayoutAddress(a: string, b: string): boolean {
  if (isAddress(a, { strict: false }) && isAddress(b, { strict: false })) return sameAddress(a, b);
  return a.trim() === b.trim();
}

function sameCode(a: string | null, b: string): boolean {
  return a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function sameAddress(a: string, b: string): boolean {
  try {
    return isAddressEqual(a as Address, b as Address);
  } catch {
    return false;
  }
}
