import { withdrawalEventAbi } from "./withdrawal-event";

/** `withdrawAsset(address,address,uint256,address,uint256,bytes32,bytes)`. */
export const CONTROLLER_V1_WITHDRAW_SELECTOR = "0xe167d26a";

/**
 * The revert strings of Rain's public v1 controller, in the order it checks (evm-withdrawals.md section 7):
 * the sender is not an admin of the collateral; the signature expired (`block.timestamp < _expiresAt`
 * is strict); the controller admin's signature does not match this sender, these values, this salt or
 * the collateral's current `nonce`.
 */
export const CONTROLLER_V1_REVERTS = {
  unauthorized: "Unauthorized",
  expired: "Expired signature",
  invalidSignature: "Invalid signature",
} as const;

/**
 * Rain's v1 controller (`execution.callPath` "controller_v1", sent to `execution.callTarget`), as far as
 * the product uses it. The arguments of `withdrawAsset` are `parameters[0..6]` in order, with parameter 5
 * as bytes32; no admin signature. `nonce(collateral)` is the counter the executor signature is bound to.
 */
export const controllerV1Abi = [
  {
    type: "function",
    name: "withdrawAsset",
    stateMutability: "nonpayable",
    inputs: [
      { name: "_collateralProxy", type: "address" },
      { name: "_asset", type: "address" },
      { name: "_amount", type: "uint256" },
      { name: "_recipient", type: "address" },
      { name: "_expiresAt", type: "uint256" },
      { name: "_salt", type: "bytes32" },
      { name: "_signature", type: "bytes" },
    ],
    outputs: [],
  },
  {
    type: "function",
    name: "nonce",
    stateMutability: "view",
    inputs: [{ name: "collateralProxy", type: "address" }],
    outputs: [{ name: "", type: "uint256" }],
  },
  {
    type: "function",
    name: "controllerAdmin",
    stateMutability: "view",
    inputs: [],
    outputs: [{ name: "", type: "address" }],
  },
  {
    type: "function",
    name: "EIP712_DOMAIN_NAME",
    stateMutability: "view",
    inputs: [],
    outputs: [{ name: "", type: "string" }],
  },
  {
    type: "function",
    name: "EIP712_DOMAIN_VERSION",
    stateMutability: "view",
    inputs: [],
    outputs: [{ name: "", type: "string" }],
  },
  ...withdrawalEventAbi,
] as const;
