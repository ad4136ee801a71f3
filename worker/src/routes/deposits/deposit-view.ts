import { Deposit } from "../../../../shared/api/deposits";
import type { Deposit as MachinesDeposit } from "../../../../shared/machines/deposits";
import { conform } from "../../upstream/machines/conform";

/** A Machines deposit as the contract shows it (`payinExtraId` always present, null when there is no memo). */
export function toDeposit(d: MachinesDeposit): Deposit {
  return conform(Deposit, { ...d, payinExtraId: d.payinExtraId ?? null }, "deposit");
}
