/**
 * The Worker's refusals of a withdrawal Machines prepared differently from the request (it binds the call
 * to the request before any wallet is asked). Their sentence says so plainly; the code is added so support
 * and the partner can tell which part differed.
 */
const BINDING_CODES = new Set([
  "withdrawal_amount_mismatch",
  "withdrawal_asset_mismatch",
  "withdrawal_call_target_mismatch",
  "withdrawal_destination_mismatch",
  "withdrawal_simulation_mismatch",
]);

export function isBindingRefusal(error: unknown): error is { code: string } {
  return typeof error === "object" && error !== null && BINDING_CODES.has((error as { code?: string }).code ?? "");
}

/** "Machines quoted a different amount than you asked for; nothing was signed. (withdrawal_amount_mismatch)" */
export const refusalSentence = (sentence: string, code: string) => `${sentence} (${code})`;
