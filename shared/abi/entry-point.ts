/**
 * The ERC-4337 EntryPoint as the Worker reads it (v0.6 and v0.7 share these events): a smart account's
 * transaction reaches the chain as a user operation inside a bundler's `handleOps` transaction.
 * Per `handleOps`, the EntryPoint emits `BeforeExecution` once after validating every operation, then,
 * for each operation in order, the logs of its execution followed by its `UserOperationEvent`. So the
 * logs of one operation lie after the previous `UserOperationEvent` (or `BeforeExecution`) of that
 * EntryPoint and before its own.
 */

/** The canonical EntryPoint v0.6 deployment (same address on every chain). */
export const ENTRY_POINT_V06 = "0x5FF137D4b0FDCD49DcA30c7CF57E578a026d2789";
/** The canonical EntryPoint v0.7 deployment (same address on every chain). */
export const ENTRY_POINT_V07 = "0x0000000071727De22E5E9d8BAf0edAc6f37da032";

export const entryPointEventsAbi = [
  {
    type: "event",
    name: "UserOperationEvent",
    anonymous: false,
    inputs: [
      { name: "userOpHash", type: "bytes32", indexed: true },
      { name: "sender", type: "address", indexed: true },
      { name: "paymaster", type: "address", indexed: true },
      { name: "nonce", type: "uint256", indexed: false },
      { name: "success", type: "bool", indexed: false },
      { name: "actualGasCost", type: "uint256", indexed: false },
      { name: "actualGasUsed", type: "uint256", indexed: false },
    ],
  },
  { type: "event", name: "BeforeExecution", anonymous: false, inputs: [] },
] as const;

/** v0.6 `handleOps(UserOperation[] ops, address beneficiary)`: to find one operation's calldata. */
export const handleOpsV06Abi = [
  {
    type: "function",
    name: "handleOps",
    stateMutability: "nonpayable",
    inputs: [
      {
        name: "ops",
        type: "tuple[]",
        components: [
          { name: "sender", type: "address" },
          { name: "nonce", type: "uint256" },
          { name: "initCode", type: "bytes" },
          { name: "callData", type: "bytes" },
          { name: "callGasLimit", type: "uint256" },
          { name: "verificationGasLimit", type: "uint256" },
          { name: "preVerificationGas", type: "uint256" },
          { name: "maxFeePerGas", type: "uint256" },
          { name: "maxPriorityFeePerGas", type: "uint256" },
          { name: "paymasterAndData", type: "bytes" },
          { name: "signature", type: "bytes" },
        ],
      },
      { name: "beneficiary", type: "address" },
    ],
    outputs: [],
  },
] as const;

/** v0.7 `handleOps(PackedUserOperation[] ops, address beneficiary)`. */
export const handleOpsV07Abi = [
  {
    type: "function",
    name: "handleOps",
    stateMutability: "nonpayable",
    inputs: [
      {
        name: "ops",
        type: "tuple[]",
        components: [
          { name: "sender", type: "address" },
          { name: "nonce", type: "uint256" },
          { name: "initCode", type: "bytes" },
          { name: "callData", type: "bytes" },
          { name: "accountGasLimits", type: "bytes32" },
          { name: "preVerificationGas", type: "uint256" },
          { name: "gasFees", type: "bytes32" },
          { name: "paymasterAndData", type: "bytes" },
          { name: "signature", type: "bytes" },
        ],
      },
      { name: "beneficiary", type: "address" },
    ],
    outputs: [],
  },
] as const;
