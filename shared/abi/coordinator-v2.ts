import { withdrawalErrorsAbi } from "./withdrawal-errors";

/** `withdrawAsset(address,address,uint256,address,uint256,bytes32,bytes,bytes32[],bytes[],bool)`. */
export const COORDINATOR_V2_WITHDRAW_SELECTOR = "0x4b268241";

/**
 * Rain-style v2 coordinator (`execution.callPath` "coordinator_v2", sent to `execution.callTarget`).
 * Arguments 0..6 are `parameters` (parameter 5 as bytes32); then `[adminSalt]`, `[adminSignature]`
 * made by the sending admin wallet (see `collateralWithdrawTypedData`), and `_directTransfer = true`.
 * `executor()` and the custom errors are the sandbox coordinator's (Rain's v2 source is not public).
 */
export const coordinatorV2Abi = [
  {
    type: "function",
    name: "withdrawAsset",
    stateMutability: "nonpayable",
    inputs: [
      { name: "_collateralProxy", type: "address" },
      { name: "_asset", type: "address" },
      { name: "_amountNative", type: "uint256" },
      { name: "_recipient", type: "address" },
      { name: "_expiresAt", type: "uint256" },
      { name: "_executorPublisherSalt", type: "bytes32" },
      { name: "_executorPublisherSignature", type: "bytes" },
      { name: "_adminSalts", type: "bytes32[]" },
      { name: "_adminSignatures", type: "bytes[]" },
      { name: "_directTransfer", type: "bool" },
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
  ...withdrawalErrorsAbi,
] as const;
