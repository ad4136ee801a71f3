/**
 * The v2 admin signature (evm-withdrawals.md section 5): EIP-712 typed data the sending admin wallet
 * signs, checked by the coordinator against the collateral proxy's domain. Shaped for viem's
 * `signTypedData` and for EIP-1193 `eth_signTypedData_v4` (after JSON-encoding bigints as strings).
 */
export const collateralWithdrawTypes = {
  Withdraw: [
    { name: "user", type: "address" },
    { name: "asset", type: "address" },
    { name: "amount", type: "uint256" },
    { name: "recipient", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

type Address = `0x${string}`;

export interface CollateralWithdrawTypedDataParameters {
  /** `execution.chainId`. */
  chainId: number;
  /** `parameters[0]`: the domain's verifying contract is the proxy, not the coordinator. */
  collateralProxy: Address;
  /** 32 fresh random bytes, also passed as `_adminSalts[0]`. */
  adminSalt: `0x${string}`;
  /** The admin signer, which must also send the transaction. */
  user: Address;
  /** `parameters[1]`, `parameters[2]` (smallest unit), `parameters[3]`. */
  asset: Address;
  amount: bigint;
  recipient: Address;
  /** `adminNonce()` read from the proxy just before signing. */
  nonce: bigint;
}

export function collateralWithdrawTypedData(p: CollateralWithdrawTypedDataParameters) {
  return {
    domain: {
      name: "Collateral",
      version: "2",
      chainId: p.chainId,
      verifyingContract: p.collateralProxy,
      salt: p.adminSalt,
    },
    types: collateralWithdrawTypes,
    primaryType: "Withdraw",
    message: { user: p.user, asset: p.asset, amount: p.amount, recipient: p.recipient, nonce: p.nonce },
  } as const;
}
