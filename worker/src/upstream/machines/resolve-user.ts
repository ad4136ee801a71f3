import { UserResolveData } from "../../../../shared/machines/users";
import type { MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface ResolveUserParameters {
  /** The stable partner user id. */
  userId: string;
  walletAddress: string;
}
export type ResolveUserReturnType = UserResolveData;
export type ResolveUserErrorType = MachinesRequestErrorType;

/** `POST /users/resolve` (partner key): links the partner user id and wallet to a Machines user. Idempotent. */
export function resolveUser(partner: MachinesCaller, p: ResolveUserParameters): Promise<ResolveUserReturnType> {
  return partner.request({
    method: "POST",
    path: "/users/resolve",
    body: { userId: p.userId, walletAddress: p.walletAddress },
    data: UserResolveData,
    idempotent: true,
  });
}
