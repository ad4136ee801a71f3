import { WithdrawalCreateData, type WithdrawalCreateRequest } from "../../../../shared/machines/withdrawals";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface CreateWithdrawalParameters {
  /** `adminAddress` must be the user's own wallet (`c.get("user").user.walletAddress`). */
  body: WithdrawalCreateRequest;
  /** Required: reuse it while Machines answers `pending`; never a second withdrawal for one key. */
  idempotencyKey: string;
}
export type CreateWithdrawalReturnType = WithdrawalCreateData;
/** Includes 409 before agreements, 409 `idempotency_conflict`, 422 `insufficient_collateral`. */
export type CreateWithdrawalErrorType = MachinesRequestErrorType;

/** `POST /withdrawals` with `Idempotency-Key`: `pending` (ask again after `retryAfterSeconds`) or `ready` (7 parameters). */
export function createWithdrawal(machines: MachinesCaller, p: CreateWithdrawalParameters): Promise<CreateWithdrawalReturnType> {
  return machines.request({ method: "POST", path: "/withdrawals", body: p.body, idempotencyKey: p.idempotencyKey, data: WithdrawalCreateData });
}
