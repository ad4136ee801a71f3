import { KycStatusData } from "../../../../shared/machines/kyc";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type GetKycStatusReturnType = KycStatusData;
/** Includes a 404 `MachinesApiError` when the user has never applied (treat as `not_submitted`). */
export type GetKycStatusErrorType = MachinesRequestErrorType;

/** `GET /kyc/status`: the user's KYC status and hosted-verification links. */
export function getKycStatus(machines: MachinesCaller): Promise<GetKycStatusReturnType> {
  return machines.request({ method: "GET", path: "/kyc/status", data: KycStatusData });
}
