import { type Address, type Hex, hashTypedData, isAddressEqual, recoverAddress, type TypedDataDefinition } from "viem";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";
import { asWithdrawalRevert } from "./revert-error";

export interface VerifyAdminSignatureParameters {
  /** The admin wallet: an EOA (ECDSA) or a smart wallet (ERC-1271 `isValidSignature`). */
  admin: Address;
  /** The typed data the wallet was asked to sign (bigint form). */
  typedData: TypedDataDefinition;
  signature: Hex;
}
export type VerifyAdminSignatureReturnType = boolean;

/** `bytes4(keccak256("isValidSignature(bytes32,bytes)"))`, what a contract returns for a valid signature. */
const ERC1271_MAGIC_VALUE = "0x1626ba7e";
const erc1271Abi = [
  {
    type: "function",
    name: "isValidSignature",
    stateMutability: "view",
    inputs: [
      { name: "hash", type: "bytes32" },
      { name: "signature", type: "bytes" },
    ],
    outputs: [{ name: "", type: "bytes4" }],
  },
] as const;

/**
 * Checks the admin's EIP-712 signature exactly as the coordinator's `SignatureChecker` will: an address
 * without code (an EOA) must have signed the digest with ECDSA; a contract (a smart wallet) must answer
 * ERC-1271 `isValidSignature(digest, signature)` with the magic value. A bad signature is refused before
 * a transaction is built; an unreachable chain is an outage, never a "bad signature".
 *
 * @throws AppError `chain_unavailable`
 */
export async function verifyAdminSignature(client: ChainClient, p: VerifyAdminSignatureParameters): Promise<VerifyAdminSignatureReturnType> {
  const digest = hashTypedData(p.typedData);
  const code = await readChain("the admin wallet's code", () => client.getCode({ address: p.admin }));
  if (!code || code === "0x") {
    try {
      return isAddressEqual(await recoverAddress({ hash: digest, signature: p.signature }), p.admin);
    } catch {
      return false; // not a well-formed ECDSA signature
    }
  }
  return readChain("the smart wallet's signature check", async () => {
    try {
      const result = await client.readContract({ address: p.admin, abi: erc1271Abi, functionName: "isValidSignature", args: [digest, p.signature] });
      return result.toLowerCase() === ERC1271_MAGIC_VALUE;
    } catch (error) {
      if (asWithdrawalRevert(error)) return false; // the wallet reverted: it does not accept this signature
      throw error;
    }
  });
}
