import { WithdrawalRangeData, type WithdrawalRangeRequest } from "../../../../shared/machines/withdrawals";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type GetWithdrawalRangeParameters = WithdrawalRangeRequest;
export type GetWithdrawalRangeReturnType = WithdrawalRangeData;
export type GetWithdrawalRangeErrorType = MachinesRequestErrorType;

/** `POST /withdrawals/range`: minimum and maximum withdrawal to a destination (a quote: safe to repeat). */
export function getWithdrawalRange(machines: MachinesCaller, p: GetWithdrawalRangeParameters): Promise<GetWithdrawalRangeReturnType> {
  return machines.request({ method: "POST", path: "/withdrawals/range", body: p, data: WithdrawalRangeData, idempotent: true });
}
