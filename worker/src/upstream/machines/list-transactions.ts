import { TransactionsData } from "../../../../shared/machines/transactions";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface ListTransactionsParameters {
  /** Comma-separated subset of spend, collateral, payment, fee. */
  type?: string;
  cardId?: string;
  limit?: number;
  cursor?: string;
}
export type ListTransactionsReturnType = TransactionsData;
export type ListTransactionsErrorType = MachinesRequestErrorType;

/** `GET /transactions`: card activity, filtered and paged. */
export function listTransactions(machines: MachinesCaller, p: ListTransactionsParameters = {}): Promise<ListTransactionsReturnType> {
  return machines.request({ method: "GET", path: "/transactions", query: { type: p.type, cardId: p.cardId, limit: p.limit, cursor: p.cursor }, data: TransactionsData });
}
