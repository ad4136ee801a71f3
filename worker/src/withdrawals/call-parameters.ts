import type { Address, Hex } from "viem";
import {
  normaliseAddress,
  normaliseAmount,
  normaliseExpiresAt,
  normaliseSalt,
  normaliseSignatureBytes,
} from "./parameter-encodings";
import { accept, type Normalised, reject } from "./withdrawal-problem";

/**
 * The 7 executor parameters of a ready withdrawal, in the form the contract takes them
 * (evm-withdrawals.md section 2). Arguments 0..6 of both `withdrawAsset` variants, in order.
 */
export interface WithdrawalCallParameters {
  /** parameters[0]: the user's collateral proxy (also the admin signature's verifying contract). */
  readonly collateralProxy: Address;
  /** parameters[1]: the ERC-20 withdrawn. */
  readonly asset: Address;
  /** parameters[2]: amount in the token's smallest unit, exactly as signed. */
  readonly amount: bigint;
  /** parameters[3]: who receives the tokens. */
  readonly recipient: Address;
  /** parameters[4]: unix seconds after which the contract refuses the call. */
  readonly expiresAt: number;
  /** parameters[5]: the executor's 32-byte salt, lowercase hex. */
  readonly executorSalt: Hex;
  /** parameters[6]: the executor's signature, lowercase hex. */
  readonly executorSignature: Hex;
}

/** The parts of a ready reply that may carry the parameters (the shapes of `shared/machines/withdrawals.ts`). */
export interface ReadyReplyParts {
  readonly parameters?: readonly unknown[] | null;
  /** A string, `{data, salt}`, `{data, salt, parameters}` or `{expiresAt?, parameters?}`, or null. */
  readonly signature?: unknown;
}

/**
 * Finds the parameters array (`data.parameters`, else `data.signature.parameters`) and normalises
 * its 7 values. Parameter 4 is the authoritative expiry; the top-level `expiresAt` is ignored here.
 * The `signature` string and `{data, salt}` forms repeat parameters 6 and 5 and are not needed.
 */
export function normaliseCallParameters(reply: ReadyReplyParts): Normalised<WithdrawalCallParameters> {
  const located = locateParameters(reply);
  if (!located) return reject("parameters", "are missing from the ready withdrawal (neither parameters nor signature.parameters)");
  const { values, field } = located;
  if (values.length !== 7) return reject(field, `must have 7 elements on EVM, got ${values.length}`);
  const at = (i: number) => `${field}[${i}]`;

  const collateralProxy = normaliseAddress(values[0], at(0));
  if (!collateralProxy.ok) return collateralProxy;
  const asset = normaliseAddress(values[1], at(1));
  if (!asset.ok) return asset;
  const amount = normaliseAmount(values[2], at(2));
  if (!amount.ok) return amount;
  const recipient = normaliseAddress(values[3], at(3));
  if (!recipient.ok) return recipient;
  const expiresAt = normaliseExpiresAt(values[4], at(4));
  if (!expiresAt.ok) return expiresAt;
  const executorSalt = normaliseSalt(values[5], at(5));
  if (!executorSalt.ok) return executorSalt;
  const executorSignature = normaliseSignatureBytes(values[6], at(6));
  if (!executorSignature.ok) return executorSignature;

  return accept({
    collateralProxy: collateralProxy.value,
    asset: asset.value,
    amount: amount.value,
    recipient: recipient.value,
    expiresAt: expiresAt.value,
    executorSalt: executorSalt.value,
    executorSignature: executorSignature.value,
  });
}

function locateParameters(reply: ReadyReplyParts): { values: readonly unknown[]; field: string } | null {
  // An empty top-level array counts as absent, so the nested copy is still found.
  if (Array.isArray(reply.parameters) && reply.parameters.length > 0) return { values: reply.parameters, field: "parameters" };
  const signature = reply.signature;
  const nested = signature && typeof signature === "object" ? (signature as { parameters?: unknown }).parameters : undefined;
  if (Array.isArray(nested) && nested.length > 0) return { values: nested, field: "signature.parameters" };
  return null;
}
