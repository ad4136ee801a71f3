import { BalancesData } from "../../../../shared/machines/balances";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type GetBalancesReturnType = BalancesData["balances"];
export type GetBalancesErrorType = MachinesRequestErrorType;

/** `GET /balances`: credit limit, charges and spending power, in cents. */
export async function getBalances(machines: MachinesCaller): Promise<GetBalancesReturnType> {
  return (await machines.request({ method: "GET", path: "/balances", data: BalancesData })).balances;
}
