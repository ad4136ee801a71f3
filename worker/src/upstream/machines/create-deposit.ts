import { DepositData, type DepositCreateRequest } from "../../../../shared/machines/deposits";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface CreateDepositParameters {
  body: DepositCreateRequest;
  /** Forwarded as `Idempotency-Key` (then the call is also safe to retry). */
  idempotencyKey?: string;
}
export type CreateDepositReturnType = DepositData;
/** Includes 409 before agreements are accepted and `missing_contract` before the collateral exists. */
export type CreateDepositErrorType = MachinesRequestErrorType;

/** `POST /deposits`: creates a deposit address. */
export function createDeposit(machines: MachinesCaller, p: CreateDepositParameters): Promise<CreateDepositReturnType> {
  return machines.request({ method: "POST", path: "/deposits", body: p.body, idempotencyKey: p.idempotencyKey, data: DepositData });
}
