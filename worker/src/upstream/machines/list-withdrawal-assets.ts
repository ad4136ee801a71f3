import { WithdrawalAssetsData } from "../../../../shared/machines/withdrawals";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface ListWithdrawalAssetsParameters {
  q?: string;
  limit?: number;
  sourceChainId?: number;
  sourceTokenAddress?: string;
}
export type ListWithdrawalAssetsReturnType = WithdrawalAssetsData;
export type ListWithdrawalAssetsErrorType = MachinesRequestErrorType;

/** `GET /withdrawals/assets`: assets and networks a withdrawal can be sent to. */
export function listWithdrawalAssets(machines: MachinesCaller, p: ListWithdrawalAssetsParameters = {}): Promise<ListWithdrawalAssetsReturnType> {
  return machines.request({
    method: "GET",
    path: "/withdrawals/assets",
    query: { q: p.q, limit: p.limit, sourceChainId: p.sourceChainId, sourceTokenAddress: p.sourceTokenAddress },
    data: WithdrawalAssetsData,
  });
}
