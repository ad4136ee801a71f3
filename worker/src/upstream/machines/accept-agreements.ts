import { AgreementsData } from "../../../../shared/machines/agreements";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type AcceptAgreementsReturnType = AgreementsData;
/** Includes 409 `invalid_state` before KYC approval. */
export type AcceptAgreementsErrorType = MachinesRequestErrorType;

/** `POST /agreements` `{accepted: true}`: records consent. Idempotent at Machines (the first `acceptedAt` stays). */
export function acceptAgreements(machines: MachinesCaller): Promise<AcceptAgreementsReturnType> {
  return machines.request({ method: "POST", path: "/agreements", body: { accepted: true }, data: AgreementsData, idempotent: true });
}
