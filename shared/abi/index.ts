export { CONTROLLER_V1_REVERTS, CONTROLLER_V1_WITHDRAW_SELECTOR, controllerV1Abi } from "./controller-v1";
export { COORDINATOR_V2_WITHDRAW_SELECTOR, coordinatorV2Abi } from "./coordinator-v2";
export { COLLATERAL_ADMIN_NONCE_SELECTOR, COLLATERAL_IS_ADMIN_SELECTOR, collateralAbi } from "./collateral";
export {
  type CollateralWithdrawTypedDataParameters,
  collateralWithdrawTypedData,
  collateralWithdrawTypes,
} from "./collateral-withdraw-typed-data";
export { erc20Abi } from "./erc20";
export { type WithdrawalErrorName, withdrawalErrorsAbi } from "./withdrawal-errors";
export { withdrawalEventAbi } from "./withdrawal-event";
export { ENTRY_POINT_V06, ENTRY_POINT_V07, entryPointEventsAbi, handleOpsV06Abi, handleOpsV07Abi } from "./entry-point";
