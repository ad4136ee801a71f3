import { AppError } from "../errors";
import type { WithdrawalProblem } from "./withdrawal-problem";

/** A normaliser's refusal as the error a route renders (502 `upstream_invalid_response` or 409 `invalid_state`). */
export function problemError(problem: WithdrawalProblem): AppError {
  return new AppError(problem.code, problem.message, { field: problem.field });
}
