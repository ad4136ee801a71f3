import { type Address, encodeAbiParameters, type Hex, hashDomain, keccak256, toHex } from "viem";

/**
 * What the executor (Rain's executor publisher) signs so that a collateral admin can withdraw, per call
 * path (evm-withdrawals.md section 7). Both are EIP-712 digests whose domain salt is the executor salt
 * (`parameters[5]`), so every signature has its own domain separator.
 */
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
  /** v1: the controller's `nonce(collateral)`; v2: the collateral's `adminNonce()`. At signing time. */
  nonce: bigint;
  /** Unix seconds, parameters[4]. */
  expiresAt: bigint;
}

const DOMAIN_TYPES = {
  EIP712Domain: [
    { name: "name", type: "string" },
    { name: "version", type: "string" },
    { name: "chainId", type: "uint256" },
    { name: "verifyingContract", type: "address" },
    { name: "salt", type: "bytes32" },
  ],
} as const;

/**
 * v1, public (Rain's controller): domain "Rain Collateral" / "1" on the controller. Its type string
 * spells the integers `uint`, not `uint256` (Rain's `WITHDRAW_TYPE_HASH`), which EIP-712 libraries
 * refuse, so the digest is computed here from the literal string.
 */
export const CONTROLLER_V1_WITHDRAW_TYPE =
  "Withdraw(address user,address collateral,address asset,uint amount,address recipient,uint nonce,uint expiresAt)";

/** v2, a [sandbox choice]: the coordinator's EVM message is not public; this mirrors Rain's Solana form. */
export const coordinatorExecutorTypes = {
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

export const executorDomainNames = {
  1: { name: "Rain Collateral", version: "1" },
  2: { name: "Coordinator", version: "2" },
} as const;

export function executorDomain(m: Pick<ExecutorWithdrawalMessage, "version" | "chainId" | "verifyingContract" | "salt">) {
  return { ...executorDomainNames[m.version], chainId: m.chainId, verifyingContract: m.verifyingContract, salt: m.salt };
}

/** The v2 message as typed data (what a wallet would be asked to sign). */
export function coordinatorExecutorTypedData(m: ExecutorWithdrawalMessage) {
  return {
    domain: executorDomain({ ...m, version: 2 }),
    types: coordinatorExecutorTypes,
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

const coordinatorTypeHash = keccak256(
  toHex("Withdraw(address user,address collateral,address asset,uint256 amount,address recipient,uint256 nonce,uint256 expiresAt)"),
);

/** The EIP-712 digest the executor signs for either call path (raw ECDSA over it, no message prefix). */
export function executorWithdrawalDigest(m: ExecutorWithdrawalMessage): Hex {
  const typeHash = m.version === 1 ? keccak256(toHex(CONTROLLER_V1_WITHDRAW_TYPE)) : coordinatorTypeHash;
  const structHash = keccak256(
    encodeAbiParameters(
      [
        { type: "bytes32" },
        { type: "address" },
        { type: "address" },
        { type: "address" },
        { type: "uint256" },
        { type: "address" },
        { type: "uint256" },
        { type: "uint256" },
      ],
      [typeHash, m.user, m.collateral, m.asset, m.amount, m.recipient, m.nonce, m.expiresAt],
    ),
  );
  const domainSeparator = hashDomain({ domain: { ...executorDomain(m), chainId: BigInt(m.chainId) }, types: DOMAIN_TYPES });
  return keccak256(`0x1901${domainSeparator.slice(2)}${structHash.slice(2)}`);
}
