import { AppError } from "../errors";

/**
 * What to tell the user when the prepared call would revert, by the contract's reason: never hand out a
 * transaction that can only fail (it would cost gas and change nothing). The revert strings are Rain's
 * public v1 controller's; the custom error names are the sandbox v2 coordinator's and collateral's, and
 * anything else (the real coordinator's own errors) gets the general message with its reason.
 */
export function simulationError(reason: string | null): AppError {
  switch (reason) {
    case "Expired signature":
    case "Expired":
      return new AppError("withdrawal_expired", "the withdrawal's signature has expired; start a new withdrawal");
    case "SaltUsed":
      return new AppError("invalid_state", "this withdrawal's signature has already been used on chain; read the withdrawal again");
    case "Invalid signature":
    case "BadExecutorSignature":
      return new AppError(
        "invalid_state",
        "the withdrawal's signature no longer matches the collateral (it was used, or another withdrawal ran since it was signed); read the withdrawal again",
      );
    case "Unauthorized":
    case "NotAdmin":
      return new AppError("invalid_state", "your wallet is not an admin of the collateral, so it cannot send this withdrawal");
    case "InsufficientBalance":
      return new AppError("insufficient_collateral", "the collateral no longer holds enough for this withdrawal");
    case "BadAdminSignature":
    case "LengthMismatch":
      return new AppError("invalid_request", "adminSignature is not accepted by the coordinator for this withdrawal", { field: "adminSignature" });
    case "NotWithdrawer":
    case "NotCallTarget":
      return new AppError("upstream_invalid_response", "Machines' call target does not withdraw from this collateral", { field: "execution.callTarget" });
    default:
      return new AppError("invalid_state", `the withdrawal would fail on chain${reason ? ` (${reason})` : ""}; start a new withdrawal`);
  }
}
