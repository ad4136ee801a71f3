import type { Address, Hex, TypedDataDefinition } from "viem";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";

export interface VerifyAdminSignatureParameters {
  /** The admin wallet: an EOA (ECDSA) or a smart wallet (ERC-1271 `isValidSignature`). */
  admin: Address;
  /** The typed data the wallet was asked to sign (bigint form). */
  typedData: TypedDataDefinition;
  signature: Hex;
}
export type VerifyAdminSignatureReturnType = boolean;

/**
 * Checks the admin's EIP-712 signature the way the coordinator will (`SignatureChecker`: ECDSA for
 * an EOA, ERC-1271 for a contract), so a bad signature is refused before a transaction is built.
 *
 * @throws AppError `chain_unavailable` (a smart wallet's check needs the chain)
 */
export function verifyAdminSignature(client: ChainClient, p: VerifyAdminSignatureParameters): Promise<VerifyAdminSignatureReturnType> {
  return readChain("the admin signature", () =>
    client.verifyTypedData({ ...(p.typedData as TypedDataDefinition), address: p.admin, signature: p.signature }),
  );
}
