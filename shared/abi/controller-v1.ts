import { withdrawalErrorsAbi } from "./withdrawal-errors";
import { withdrawnEventAbi } from "./withdrawn-event";

/** `withdrawAsset(address,address,uint256,address,uint256,bytes32,bytes)`. */
export const CONTROLLER_V1_WITHDRAW_SELECTOR = "0xe167d26a";

/**
 * Rain-style v1 controller (`execution.callPath` "controller_v1", sent to `execution.callTarget`).
 * The arguments are `parameters[0..6]` in order, with parameter 5 as bytes32; no admin signature.
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
    name: "executor",
    stateMutability: "view",
    inputs: [],
    outputs: [{ name: "", type: "address" }],
  },
  ...withdrawnEventAbi,
  ...withdrawalErrorsAbi,
] as const;
