import type { WithdrawalErrorName } from "../../../shared/abi";
import { AppError } from "../errors";

/**
 * What to tell the user when the prepared call would revert, by the contract's error: never hand out
 * a transaction that can only fail (it would cost gas and change nothing).
 */
export function simulationError(name: WithdrawalErrorName | null): AppError {
  switch (name) {
    case "Expired":
      return new AppError("withdrawal_expired", "the withdrawal's signature has expired; start a new withdrawal");
    case "SaltUsed":
      return new AppError("invalid_state", "this withdrawal's signature has already been used on chain; read the withdrawal again");
    case "BadExecutorSignature":
      return new AppError(
        "invalid_state",
        "the withdrawal's signature no longer matches the collateral (another withdrawal ran since it was signed); start a new withdrawal",
      );
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
      return new AppError("invalid_state", `the withdrawal would fail on chain${name ? ` (${name})` : ""}; start a new withdrawal`);
  }
}
