import type { Address, Hex, TypedDataDefinition } from "viem";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";

export interface VerifyAdminSignatureParameters {
  /** The admin wallet: an EOA, a deployed smart account, or one not deployed yet. */
  admin: Address;
  /** The typed data the wallet was asked to sign (bigint form). */
  typedData: TypedDataDefinition;
  signature: Hex;
}

export type VerifyAdminSignatureReturnType = boolean;

/**
 * Checks the admin's EIP-712 signature for every kind of wallet: ECDSA for an EOA, ERC-1271
 * `isValidSignature` for a deployed smart account, and for one not deployed yet an ERC-6492 signature
 * (the account's factory call wrapped around its inner signature), checked by deploying it inside an
 * `eth_call` (viem's `verifyTypedData`). A bad signature is refused before a transaction is built; an
 * unreachable chain is an outage, never a "bad signature".
 *
 * @throws AppError `chain_unavailable`
 */
export function verifyAdminSignature(client: ChainClient, p: VerifyAdminSignatureParameters): Promise<VerifyAdminSignatureReturnType> {
  return readChain("the admin signature check", async () => {
    if (!/^0x([0-9a-fA-F]{2})+$/.test(p.signature)) return false;
    const valid = await client.verifyTypedData({ ...p.typedData, address: p.admin, signature: p.signature } as Parameters<ChainClient["verifyTypedData"]>[0]);
    // viem reads any failed eth_call as "not valid", an unreachable node included: a "no" only
    // counts when the node is there to have said it.
    if (!valid) await client.getBlockNumber({ cacheTime: 0 });
    return valid;
  });
}
