import type { KycStatus } from "@machines-card/contract/machines/kyc";
import type { Sealed } from "../crypto/sealed-box";

/** The two partner sessions a user can hold: KYC scopes until approval, card and crypto scopes after. */
export type SessionKind = "kyc" | "card";

/** A person as the Worker knows them (a row of `users`). */
export interface PartnerUser {
  /** The stable id this person reaches Machines under (`users/partner-user-id.ts`). */
  partnerUserId: string;
  crossmintUserId: string;
  machinesUserId: string;
  /** Lower-cased EVM address from the Crossmint wallets API. */
  walletAddress: string;
  kycStatus: KycStatus;
  linkedAt: string;
  lastUsedAt: string;
}

/** A cached partner session (a row of `partner_sessions`), token still sealed. */
export interface CachedSession {
  kind: SessionKind;
  sessionId: string;
  scopes: string[];
  /** Milliseconds since the epoch. */
  expiresAt: number;
  sealed: Sealed;
}
