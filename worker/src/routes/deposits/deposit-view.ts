import { Deposit } from "../../../../shared/api/deposits";
import type { Deposit as MachinesDeposit } from "../../../../shared/machines/deposits";
import { conform } from "../../upstream/machines/conform";

/** A Machines deposit as the contract shows it: the fields Machines may leave out are present, null when absent. */
export function toDeposit(d: MachinesDeposit): Deposit {
  return conform(Deposit, { ...d, changeNowId: d.changeNowId ?? null, payinExtraId: d.payinExtraId ?? null, maxAmount: d.maxAmount ?? null }, "deposit");
}
