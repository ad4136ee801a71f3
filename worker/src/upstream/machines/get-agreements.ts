import { AgreementsData } from "../../../../shared/machines/agreements";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type GetAgreementsReturnType = AgreementsData;
/** Includes 409 `invalid_state` before KYC approval. */
export type GetAgreementsErrorType = MachinesRequestErrorType;

/** `GET /agreements`: the agreements to show and whether they are accepted. */
export function getAgreements(machines: MachinesCaller): Promise<GetAgreementsReturnType> {
  return machines.request({ method: "GET", path: "/agreements", data: AgreementsData });
}
