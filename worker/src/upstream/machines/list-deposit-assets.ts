import { DepositAssetsData } from "../../../../shared/machines/deposits";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface ListDepositAssetsParameters {
  q?: string;
  limit?: number;
}
export type ListDepositAssetsReturnType = DepositAssetsData;
export type ListDepositAssetsErrorType = MachinesRequestErrorType;

/** `GET /deposits/assets?q=&limit=`: assets and networks a deposit can be made in. */
export function listDepositAssets(machines: MachinesCaller, p: ListDepositAssetsParameters = {}): Promise<ListDepositAssetsReturnType> {
  return machines.request({ method: "GET", path: "/deposits/assets", query: { q: p.q, limit: p.limit }, data: DepositAssetsData });
}
