import * as z from "zod/mini";
import { boundedText, EvmAddress, Timestamp, Wallet } from "./common";
import { KycStatus } from "./kyc";

/** `POST /users/resolve` (header `X-Partner-Key`): links a partner user id to a Machines user and wallet. */

export const UserResolveDocsRequest = z.object({
  userId: boundedText(120),
  walletAddress: EvmAddress,
  walletLabel: z.optional(z.string().check(z.maxLength(120, { error: "must be at most 120 characters" }))),
});
export type UserResolveDocsRequest = z.infer<typeof UserResolveDocsRequest>;

export const UserResolveExampleRequest = z.object({
  externalUserId: boundedText(120),
  wallet: Wallet,
});
export type UserResolveExampleRequest = z.infer<typeof UserResolveExampleRequest>;

export const UserResolveRequest = z.union([UserResolveDocsRequest, UserResolveExampleRequest]);
export type UserResolveRequest = z.infer<typeof UserResolveRequest>;

export const UserResolveData = z.object({
  userId: z.string(),
  /** Lower-cased. `null` in the example when the user has no wallet. */
  walletAddress: z.nullable(z.string()),
  kycStatus: KycStatus,
  createdAt: Timestamp,
  /** Only in the example's replies. */
  wallet: z.optional(z.nullable(Wallet)),
});
export type UserResolveData = z.infer<typeof UserResolveData>;
