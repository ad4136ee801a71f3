import * as z from "zod/mini";
import { openEnum, requiredMessage, Ticker, Timestamp, wholeNumberText } from "./common";

/**
 * Deposits: `GET /deposits/assets`, `POST /deposits/range`, `POST /deposits/estimate`, `POST /deposits`,
 * `GET /deposits?scope=active|all`, `GET /deposits/{depositId}`. No extra scope; create is gated on agreements.
 */

export const Network = z.object({
  id: z.string(),
  label: z.string(),
  chainId: z.nullable(z.number()),
  tokenContract: z.nullable(z.string()),
  supportsExtraId: z.optional(z.boolean()),
});
export type Network = z.infer<typeof Network>;

export const DepositAsset = z.object({
  ticker: z.string(),
  name: z.string(),
  icon: z.nullable(z.string()),
  networks: z.array(Network),
});
export type DepositAsset = z.infer<typeof DepositAsset>;

export const AssetsQuery = z.object({
  q: z.optional(z.string()),
  limit: z.optional(wholeNumberText(1, 100)),
});
export type AssetsQuery = z.infer<typeof AssetsQuery>;

export const DepositAssetsData = z.object({ assets: z.array(DepositAsset) });
export type DepositAssetsData = z.infer<typeof DepositAssetsData>;

const PositiveAmount = z.number({ error: (issue) => requiredMessage(issue) ?? "must be a number" }).check(
  z.gt(0, { error: "must be greater than 0" }),
);

export const DepositRangeRequest = z.object({ currency: Ticker, network: Ticker });
export type DepositRangeRequest = z.infer<typeof DepositRangeRequest>;

export const DepositRange = z.object({
  fromCurrency: z.string(),
  fromNetwork: z.string(),
  toCurrency: z.string(),
  toNetwork: z.string(),
  contractId: z.string(),
  payoutAddress: z.string(),
  payoutChainId: z.nullable(z.number()),
  minAmount: z.nullable(z.number()),
  maxAmount: z.nullable(z.number()),
});
export type DepositRange = z.infer<typeof DepositRange>;
export const DepositRangeData = z.object({ range: DepositRange });
export type DepositRangeData = z.infer<typeof DepositRangeData>;

export const AMOUNT_CURRENCIES = ["crypto", "usd"] as const;
export const DepositEstimateRequest = z.object({
  currency: Ticker,
  network: Ticker,
  amount: PositiveAmount,
  amountCurrency: z.optional(z.enum(AMOUNT_CURRENCIES)),
});
export type DepositEstimateRequest = z.infer<typeof DepositEstimateRequest>;

export const DepositEstimate = z.extend(DepositRange, {
  quotedAmount: z.number(),
  quotedAmountCurrency: z.enum(AMOUNT_CURRENCIES),
  estimatedToAmount: z.nullable(z.number()),
  rateId: z.nullable(z.string()),
});
export type DepositEstimate = z.infer<typeof DepositEstimate>;
export const DepositEstimateData = z.object({ estimate: DepositEstimate });
export type DepositEstimateData = z.infer<typeof DepositEstimateData>;

export const DepositCreateRequest = z.object({
  currency: Ticker,
  network: Ticker,
  amount: z.optional(PositiveAmount),
});
export type DepositCreateRequest = z.infer<typeof DepositCreateRequest>;

/** `pending` appears in the API reference's example; the guide lists the others. */
export const DEPOSIT_STATUSES = ["awaitingDeposit", "pending", "processing", "completed", "failed", "canceled"] as const;
export type KnownDepositStatus = (typeof DEPOSIT_STATUSES)[number];
/** A known status, or an unknown one carried as a string (§12). */
export const DepositStatus = openEnum(DEPOSIT_STATUSES);
export type DepositStatus = z.infer<typeof DepositStatus>;
/** Statuses that may still change. */
export const DEPOSIT_ACTIVE_STATUSES = ["awaitingDeposit", "pending", "processing"] as const satisfies readonly KnownDepositStatus[];

/**
 * The deposit as Machines sends it. `changeNowId` ("production only"), `maxAmount` ("if provided") and
 * `payinExtraId` may be absent, not only null (§12; the quickstart's deposit has no `changeNowId`).
 */
export const Deposit = z.object({
  id: z.string(),
  contractId: z.string(),
  changeNowId: z.optional(z.nullable(z.string())),
  fromCurrency: z.string(),
  fromNetwork: z.string(),
  depositAddress: z.nullable(z.string()),
  /** A non-null value must be sent as the memo or tag. */
  payinExtraId: z.optional(z.nullable(z.string())),
  chainId: z.nullable(z.number()),
  minAmount: z.nullable(z.number()),
  maxAmount: z.optional(z.nullable(z.number())),
  status: DepositStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Deposit = z.infer<typeof Deposit>;

export const DepositData = z.object({ deposit: Deposit });
export type DepositData = z.infer<typeof DepositData>;
export const DepositsData = z.object({ deposits: z.array(Deposit) });
export type DepositsData = z.infer<typeof DepositsData>;

export const DEPOSIT_LIST_SCOPES = ["active", "all"] as const;
export const DepositsQuery = z.object({ scope: z.optional(z.enum(DEPOSIT_LIST_SCOPES)) });
export type DepositsQuery = z.infer<typeof DepositsQuery>;

export const DEPOSIT_ID_MIN_LENGTH = 8;
/** The path parameters of `/deposits/{depositId}`. */
export const DepositParams = z.object({
  depositId: z.string().check(z.minLength(DEPOSIT_ID_MIN_LENGTH, { error: `must be at least ${DEPOSIT_ID_MIN_LENGTH} characters` })),
});
