import { DepositRangeData, type DepositRangeRequest } from "../../../../shared/machines/deposits";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type GetDepositRangeParameters = DepositRangeRequest;
export type GetDepositRangeReturnType = DepositRangeData;
export type GetDepositRangeErrorType = MachinesRequestErrorType;

/** `POST /deposits/range`: minimum and maximum deposit for an asset and network (a quote: safe to repeat). */
export function getDepositRange(machines: MachinesCaller, p: GetDepositRangeParameters): Promise<GetDepositRangeReturnType> {
  return machines.request({ method: "POST", path: "/deposits/range", body: p, data: DepositRangeData, idempotent: true });
}
