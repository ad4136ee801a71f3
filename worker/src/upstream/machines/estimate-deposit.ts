import { DepositEstimateData, type DepositEstimateRequest } from "../../../../shared/machines/deposits";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type EstimateDepositParameters = DepositEstimateRequest;
export type EstimateDepositReturnType = DepositEstimateData;
export type EstimateDepositErrorType = MachinesRequestErrorType;

/** `POST /deposits/estimate`: what a deposit of an amount credits (a quote: safe to repeat). */
export function estimateDeposit(machines: MachinesCaller, p: EstimateDepositParameters): Promise<EstimateDepositReturnType> {
  return machines.request({ method: "POST", path: "/deposits/estimate", body: p, data: DepositEstimateData, idempotent: true });
}
