/**
 * Why the Worker will not let a ready withdrawal be signed: what Machines prepared is not what the user
 * asked for. Each code names the part that differs, with the request's field (`amount`, `asset`,
 * `callTarget`, `recipient`, `relay.payoutAddress`, …). All are 502: Machines answered, but wrongly; nothing
 * was signed, and the withdrawal stays unsignable (a later read asks Machines again, with the same key).
 */
export type BindingCode =
  | "withdrawal_amount_mismatch"
  | "withdrawal_asset_mismatch"
  | "withdrawal_call_target_mismatch"
  | "withdrawal_destination_mismatch"
  | "withdrawal_simulation_mismatch";

export interface BindingRefusal {
  readonly code: BindingCode;
  readonly field: string;
  readonly message: string;
}

export function refuse(code: BindingCode, field: string, message: string): BindingRefusal {
  return { code, field, message };
}
