import { DepositData } from "../../../../shared/machines/deposits";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface GetDepositParameters {
  depositId: string;
}
export type GetDepositReturnType = DepositData;
/** Includes 404 for a deposit that is not this user's. */
export type GetDepositErrorType = MachinesRequestErrorType;

/** `GET /deposits/{depositId}`: one deposit and its status. */
export function getDeposit(machines: MachinesCaller, p: GetDepositParameters): Promise<GetDepositReturnType> {
  return machines.request({ method: "GET", path: `/deposits/${encodeURIComponent(p.depositId)}`, data: DepositData });
}
