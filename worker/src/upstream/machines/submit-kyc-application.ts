import { KycStatusData, type KycApplication } from "../../../../shared/machines/kyc";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type SubmitKycApplicationParameters = KycApplication;
export type SubmitKycApplicationReturnType = KycStatusData;
/** Includes 400 `invalid_request` with a field, and 409 `invalid_state` once KYC is final. */
export type SubmitKycApplicationErrorType = MachinesRequestErrorType;

/** `POST /kyc/applications`: submits the application; answers the resulting KYC status. Not retried. */
export function submitKycApplication(machines: MachinesCaller, application: SubmitKycApplicationParameters): Promise<SubmitKycApplicationReturnType> {
  return machines.request({ method: "POST", path: "/kyc/applications", body: application, data: KycStatusData, idempotent: false });
}
