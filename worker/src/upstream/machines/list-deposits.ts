import { DepositsData } from "../../../../shared/machines/deposits";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface ListDepositsParameters {
  scope?: "active" | "all";
}
export type ListDepositsReturnType = DepositsData;
export type ListDepositsErrorType = MachinesRequestErrorType;

/** `GET /deposits?scope=active|all`: recent active deposits, or the full history. */
export function listDeposits(machines: MachinesCaller, p: ListDepositsParameters = {}): Promise<ListDepositsReturnType> {
  return machines.request({ method: "GET", path: "/deposits", query: { scope: p.scope }, data: DepositsData });
}
