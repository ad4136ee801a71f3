import { encodeAbiParameters, hashTypedData, keccak256, type Address, type Hex } from "viem";
import type { NormalisedTypedData } from "./typed-data";

/**
 * What a passkey approval names: one operation of the wallet, as a 32-byte digest. A typed-data
 * signature is named by its EIP-712 hash; a transaction by the hash of (chain id, wallet, to, value,
 * keccak256(data)). Sandbox choice: Crossmint's passkey signer signs the user operation's own hash,
 * which the sandbox only knows once the bundler's gas is settled, after the approval; these digests
 * pin the same call, so an approval for one withdrawal cannot sign or send another.
 */
export function typedDataDigest(normalised: NormalisedTypedData): Hex {
  return hashTypedData(normalised.typedData as Parameters<typeof hashTypedData>[0]);
}

export function transactionDigest(chainId: number, wallet: Address, call: { to: Address; data: Hex; value: bigint }): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "uint256" }, { type: "address" }, { type: "address" }, { type: "uint256" }, { type: "bytes32" }],
      [BigInt(chainId), wallet, call.to, call.value, keccak256(call.data)],
    ),
  );
}
