/**
 * Custom errors the sandbox's v2 coordinator and collateral proxy revert with (a sandbox choice: Rain's
 * v2 source is not public; the v1 controller reverts with strings, `CONTROLLER_V1_REVERTS`). Only for
 * turning a revert into a clearer message: nothing may depend on a name being there.
 */
export const withdrawalErrorsAbi = [
  /** `block.timestamp` is past `expiresAt` (parameters[4]). */
  { type: "error", name: "Expired", inputs: [] },
  /** The executor salt (parameters[5]) was already used: a replay. */
  { type: "error", name: "SaltUsed", inputs: [] },
  /** The sender is not an admin of the collateral. */
  { type: "error", name: "NotAdmin", inputs: [] },
  /** The executor signature does not match this sender, these values, or the current adminNonce. */
  { type: "error", name: "BadExecutorSignature", inputs: [] },
  /** v2: the admin's EIP-712 signature (ECDSA or ERC-1271) is not valid for this withdrawal. */
  { type: "error", name: "BadAdminSignature", inputs: [] },
  /** v2: admin salts and signatures are not exactly one pair. */
  { type: "error", name: "LengthMismatch", inputs: [] },
  /** The collateral holds less than the amount. */
  { type: "error", name: "InsufficientBalance", inputs: [] },
  /** The collateral is not wired to this call target (a v1 collateral called through the coordinator, or the reverse). */
  { type: "error", name: "NotWithdrawer", inputs: [] },
  /** The transaction went to the collateral proxy instead of `execution.callTarget`. */
  { type: "error", name: "NotCallTarget", inputs: [] },
  { type: "error", name: "TokenTransferFailed", inputs: [] },
  { type: "error", name: "ZeroAddress", inputs: [] },
] as const;

export type WithdrawalErrorName = (typeof withdrawalErrorsAbi)[number]["name"];
