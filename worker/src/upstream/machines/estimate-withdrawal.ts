import { WithdrawalEstimateData, type WithdrawalEstimateRequest } from "../../../../shared/machines/withdrawals";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type EstimateWithdrawalParameters = WithdrawalEstimateRequest;
export type EstimateWithdrawalReturnType = WithdrawalEstimateData;
export type EstimateWithdrawalErrorType = MachinesRequestErrorType;

/** `POST /withdrawals/estimate`: what a withdrawal of an amount delivers (a quote: safe to repeat). */
export function estimateWithdrawal(machines: MachinesCaller, p: EstimateWithdrawalParameters): Promise<EstimateWithdrawalReturnType> {
  return machines.request({ method: "POST", path: "/withdrawals/estimate", body: p, data: WithdrawalEstimateData, idempotent: true });
}
