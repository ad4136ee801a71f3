/**
 * Why a withdrawal cannot go further, as a value (never thrown) so each caller decides what to do:
 * a route turns it into the error envelope with this code and field.
 * - `upstream_invalid_response` (502): Machines' reply breaks its contract (a bad salt, a missing call target).
 * - `invalid_state` (409): the reply is well formed but this Worker cannot execute it (a Solana or unknown call path).
 */
export interface WithdrawalProblem {
  readonly code: "upstream_invalid_response" | "invalid_state";
  /** What is wrong, for logs and the error envelope. Never contains secrets (the replies have none). */
  readonly message: string;
  /** Where in the Machines reply, e.g. `parameters[5]`, `execution.callTarget`. */
  readonly field: string;
}

export type Normalised<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: WithdrawalProblem };

export function accept<T>(value: T): Normalised<T> {
  return { ok: true, value };
}

/** Bad upstream data: `field` then `message` reads as a sentence ("parameters[5] must be 32 bytes, got 31"). */
export function reject(field: string, message: string): { readonly ok: false; readonly problem: WithdrawalProblem } {
  return { ok: false, problem: { code: "upstream_invalid_response", message: `${field} ${message}`, field } };
}

export function cannotExecute(field: string, message: string): { readonly ok: false; readonly problem: WithdrawalProblem } {
  return { ok: false, problem: { code: "invalid_state", message, field } };
}
