import type { WithdrawalEstimate, WithdrawalRange, WithdrawalSource } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { ids } from "../crypto/encoding";
import { machinesError, notFound } from "../errors";
import { findDestination, SOURCE, sourceToken, WITHDRAWAL_LIMITS_CENTS, type WithdrawalDestination } from "./assets";

/** Range and estimate for a destination; the source is always the sandbox test dollar. */

export function requireDestination(ctx: SimulatorContext, currency: string, network: string): WithdrawalDestination {
  const destination = findDestination(ctx, currency, network);
  if (!destination) {
    throw notFound(`Asset not found: no withdrawal route to ${currency} on ${network} (see /withdrawals/assets)`, "destination.currency");
  }
  return destination;
}

/** The source may be omitted; when given it must be the sandbox test dollar on the sandbox chain. */
export function checkSource(ctx: SimulatorContext, source: WithdrawalSource | undefined, contractId?: string): void {
  const token = sourceToken(ctx);
  if (source?.chainId !== undefined && source.chainId !== token.chainId) {
    throw machinesError(400, "chain_not_supported", `the sandbox withdraws only from chain ${token.chainId}`, "source.chainId");
  }
  if (source?.tokenAddress !== undefined && source.tokenAddress.toLowerCase() !== token.tokenAddress.toLowerCase()) {
    throw notFound(`Asset not found: the sandbox source token is ${token.tokenAddress}`, "source.tokenAddress");
  }
  if (source?.contractId !== undefined && contractId !== undefined && source.contractId !== contractId) {
    throw machinesError(400, "invalid_request", "is not this user's collateral contract", "source.contractId");
  }
}

export function withdrawalRange(destination: WithdrawalDestination): WithdrawalRange {
  return {
    fromCurrency: SOURCE.currency,
    fromNetwork: SOURCE.network,
    toCurrency: destination.currency,
    toNetwork: destination.network,
    minAmount: WITHDRAWAL_LIMITS_CENTS.min / 100,
    maxAmount: WITHDRAWAL_LIMITS_CENTS.max / 100,
    minAmountCents: WITHDRAWAL_LIMITS_CENTS.min,
    maxAmountCents: WITHDRAWAL_LIMITS_CENTS.max,
    destinationSupportsExtraId: false,
  };
}

export function checkAmountInRange(amountCents: number): void {
  if (amountCents < WITHDRAWAL_LIMITS_CENTS.min || amountCents > WITHDRAWAL_LIMITS_CENTS.max) {
    throw machinesError(
      400,
      "invalid_request",
      `amountCents must be between ${WITHDRAWAL_LIMITS_CENTS.min} and ${WITHDRAWAL_LIMITS_CENTS.max}`,
      "amountCents",
    );
  }
}

export function withdrawalEstimate(destination: WithdrawalDestination, amountCents: number, extraId?: string): WithdrawalEstimate {
  const receivedCents = Math.floor((amountCents * (10_000 - destination.feeBps)) / 10_000);
  return {
    ...withdrawalRange(destination),
    fromAmount: amountCents / 100,
    fromAmountCents: amountCents,
    estimatedToAmount: receivedCents / 100,
    rateId: destination.relayed ? ids.prefixed("rate", 8) : null,
    destinationExtraId: extraId ?? null,
  };
}
