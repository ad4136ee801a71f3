import * as z from "zod/mini";
import { KYC_STATUSES, PositiveCents } from "@machines-card/contract/machines";
import { EXPIRES_AT_ENCODINGS, SALT_ENCODINGS } from "../options";

/** Bodies of the sandbox controls (`/sandbox/*`). Sandbox-only: never part of the Machines contract. */

export const KycDecisionBody = z.object({
  status: z.enum(KYC_STATUSES),
  reason: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
});
export type KycDecisionBody = z.infer<typeof KycDecisionBody>;

export const CompleteDepositBody = z.object({
  /** Credited amount; default: the amount given at create, else $100. */
  amountCents: z.optional(PositiveCents),
});

export const FaucetBody = z.object({
  userId: z.string().check(z.minLength(1, { error: "is required" })),
  /** Test dollars to mint into the user's collateral, in cents (default $1,000). */
  amountCents: z.optional(PositiveCents),
});
export type FaucetBody = z.infer<typeof FaucetBody>;

export const PurchaseBody = z.object({
  cardId: z.string().check(z.minLength(1, { error: "is required" })),
  amountCents: PositiveCents,
  merchantName: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** Post at once instead of staying `pending` for `purchasePostingSeconds`. */
  posted: z.optional(z.boolean()),
});
export type PurchaseBody = z.infer<typeof PurchaseBody>;

const Seconds = z.number().check(z.minimum(0), z.maximum(3600));
export const SettingsPatch = z.object({
  withdrawalReadyAfterSeconds: z.optional(Seconds),
  depositProcessingSeconds: z.optional(Seconds),
  purchasePostingSeconds: z.optional(Seconds),
  collateralVersion: z.optional(z.union([z.literal(1), z.literal(2)])),
  saltEncoding: z.optional(z.enum(SALT_ENCODINGS)),
  expiresAtEncoding: z.optional(z.enum(EXPIRES_AT_ENCODINGS)),
  missingContractOnce: z.optional(z.boolean()),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const CollateralVersionBody = z.object({ version: z.union([z.literal(1), z.literal(2)]) });
