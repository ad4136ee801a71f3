import type { Address } from "viem";
import type { WithdrawalCreateRequest } from "@machines-card/contract/machines/withdrawals";
import { EVM_ADDRESS_PATTERN } from "@machines-card/contract/machines/common";

/** The user's create body (`CreateWithdrawalBody` in `shared/api/withdrawals.ts`). */
export interface CreateWithdrawalInput {
  amountCents: number;
  destination: { currency: string; network: string; address: string; extraId?: string | undefined };
}

/**
 * The body sent to `POST /withdrawals` at Machines. `adminAddress` is always the user's own wallet
 * from D1 (never from the request): it signs and sends the transaction. Stored as JSON and re-sent
 * unchanged while Machines answers pending, so the upstream key and body never disagree.
 */
export function upstreamCreateRequest(input: CreateWithdrawalInput, adminAddress: Address): WithdrawalCreateRequest {
  const { currency, network, address, extraId } = input.destination;
  return {
    amountCents: input.amountCents,
    destination: { currency, network, address, ...(extraId !== undefined && { extraId }) },
    adminAddress,
  };
}


/**
 * SHA-256 (hex) of what the user asked for, in one canonical form: the same Idempotency-Key with a
 * different request is a conflict. Codes and EVM addresses compare case-insensitively (other chains'
 * addresses are case-sensitive and kept as given).
 */
export async function requestFingerprint(input: CreateWithdrawalInput): Promise<string> {
  const { currency, network, address, extraId } = input.destination;
  const canonical = JSON.stringify([
    input.amountCents,
    currency.toLowerCase(),
    network.toLowerCase(),
    EVM_ADDRESS_PATTERN.test(address) ? address.toLowerCase() : address,
    extraId ?? null,
  ]);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
