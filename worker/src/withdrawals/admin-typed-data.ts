import type { Address, Hex } from "viem";
import { collateralWithdrawTypedData, collateralWithdrawTypes } from "@machines-card/contract/abi";
import type { AdminTypedData } from "@machines-card/contract/api/withdrawals";
import type { WithdrawalCallParameters } from "./call-parameters";

/**
 * The coordinator_v2 admin message (evm-withdrawals.md section 5): domain "Collateral" / "2" on the
 * user's collateral proxy with a fresh admin salt, and `Withdraw(user, asset, amount, recipient, nonce)`
 * where `user` is the wallet that signs and sends, and `nonce` is the proxy's `adminNonce()`.
 */
export interface AdminMessageInput {
  readonly parameters: WithdrawalCallParameters;
  /** `execution.chainId`. */
  readonly chainId: number;
  /** The user's own wallet: signer, transaction sender and `adminAddress` at create. */
  readonly admin: Address;
  /** 32 random bytes the Worker issued; the same bytes become `_adminSalts[0]`. */
  readonly adminSalt: Hex;
  /** `adminNonce()` read from the proxy just before the message is handed out. */
  readonly nonce: bigint;
}

/** For viem (signing in tests, `verifyTypedData`): uint256 values as bigints. */
export function adminTypedData(input: AdminMessageInput) {
  const { parameters: p } = input;
  return collateralWithdrawTypedData({
    chainId: input.chainId,
    collateralProxy: p.collateralProxy,
    adminSalt: input.adminSalt,
    user: input.admin,
    asset: p.asset,
    amount: p.amount,
    recipient: p.recipient,
    nonce: input.nonce,
  });
}

/** The domain's type, listed explicitly because `eth_signTypedData_v4` wallets hash the domain from `types`. */
const EIP712_DOMAIN_TYPE = [
  { name: "name", type: "string" },
  { name: "version", type: "string" },
  { name: "chainId", type: "uint256" },
  { name: "verifyingContract", type: "address" },
  { name: "salt", type: "bytes32" },
];

/** For the wallet, as JSON: what `eth_signTypedData_v4` takes (uint256 values as decimal strings). */
export function adminTypedDataJson(input: AdminMessageInput): AdminTypedData {
  const typed = adminTypedData(input);
  return {
    domain: { ...typed.domain },
    types: {
      EIP712Domain: EIP712_DOMAIN_TYPE,
      Withdraw: collateralWithdrawTypes.Withdraw.map((field) => ({ ...field })),
    },
    primaryType: "Withdraw",
    message: {
      user: typed.message.user,
      asset: typed.message.asset,
      amount: typed.message.amount.toString(),
      recipient: typed.message.recipient,
      nonce: typed.message.nonce.toString(),
    },
  };
}
