import { SessionData, type Scope } from "../../../../shared/machines/sessions";
import { MachinesApiError, type MachinesRequestErrorType } from "./errors";
import type { MachinesCaller } from "./machines-caller";

export interface CreateSessionParameters {
  /** The partner user id (the same one `users/resolve` linked). */
  userId: string;
  walletAddress: string;
  scopes: readonly Scope[];
  ttlSeconds: number;
}
export type CreateSessionReturnType = SessionData;
/** Includes 409 "kyc required" (a `MachinesApiError`) when asking for non-KYC scopes before approval. */
export type CreateSessionErrorType = MachinesRequestErrorType;

/**
 * `POST /sessions` (partner key): mints a short-lived session token for one user. Not retried: a lost
 * reply costs one orphaned session, and the token must never be minted twice by a retry loop.
 */
export function createSession(partner: MachinesCaller, p: CreateSessionParameters): Promise<CreateSessionReturnType> {
  return partner.request({
    method: "POST",
    path: "/sessions",
    body: { userId: p.userId, walletAddress: p.walletAddress, scopes: p.scopes, ttlSeconds: p.ttlSeconds },
    data: SessionData,
    idempotent: false,
  });
}

/** Machines' documented refusal of non-KYC scopes before KYC approval. */
export function isKycRequired(error: unknown): boolean {
  return error instanceof MachinesApiError && error.upstreamStatus === 409 && /kyc[ _]required/i.test(`${error.code} ${error.message}`);
}
