import { KycValuesData } from "../../../../shared/machines/kyc";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export type GetKycValuesReturnType = KycValuesData;
export type GetKycValuesErrorType = MachinesRequestErrorType;

/** `GET /kyc/values`: the KYC form's fields, rules, enums and occupation list. */
export function getKycValues(machines: MachinesCaller): Promise<GetKycValuesReturnType> {
  return machines.request({ method: "GET", path: "/kyc/values", data: KycValuesData });
}
