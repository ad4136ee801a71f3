import type { Address, Hex } from "viem";

/**
 * The sandbox executor's EIP-712 withdrawal message (evm-withdrawals.md section 7, a sandbox choice:
 * Rain's EVM format is not public). It mirrors Rain's Solana form; the executor salt is the domain salt.
 */
export const executorWithdrawTypes = {
  Withdraw: [
    { name: "user", type: "address" },
    { name: "collateral", type: "address" },
    { name: "asset", type: "address" },
    { name: "amount", type: "uint256" },
    { name: "recipient", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "expiresAt", type: "uint256" },
  ],
} as const;

const domainByVersion = {
  1: { name: "Controller", version: "1" },
  2: { name: "Coordinator", version: "2" },
} as const;

export interface ExecutorWithdrawalMessage {
  /** 1 = controller (v1), 2 = coordinator (v2); the verifying contract is that call target. */
  version: 1 | 2;
  chainId: number;
  verifyingContract: Address;
  /** Executor salt, parameters[5]. */
  salt: Hex;
  /** The admin that will send the transaction (checked as msg.sender). */
  user: Address;
  collateral: Address;
  asset: Address;
  amount: bigint;
  recipient: Address;
  /** The collateral's adminNonce() at signing time. */
  nonce: bigint;
  /** Unix seconds, parameters[4]. */
  expiresAt: bigint;
}

export function executorWithdrawTypedData(m: ExecutorWithdrawalMessage) {
  return {
    domain: { ...domainByVersion[m.version], chainId: m.chainId, verifyingContract: m.verifyingContract, salt: m.salt },
    types: executorWithdrawTypes,
    primaryType: "Withdraw",
    message: {
      user: m.user,
      collateral: m.collateral,
      asset: m.asset,
      amount: m.amount,
      recipient: m.recipient,
      nonce: m.nonce,
      expiresAt: m.expiresAt,
    },
  } as const;
}
