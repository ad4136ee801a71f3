import * as z from "zod/mini";
import { PositiveCents, requiredMessage, Ticker } from "./common";
import { DepositAsset } from "./deposits";

/**
 * Withdrawals: `GET /withdrawals/assets`, `POST /withdrawals/range`, `POST /withdrawals/estimate`
 * (scope `deposits.read`) and `POST /withdrawals` (`withdrawals.write`, Idempotency-Key, agreements gate).
 * The on-chain half (`execution`, the 7 `parameters`) is in `evm-withdrawals.md`.
 */

const ChainId = z.int({ error: "must be a whole-number chain id" });

export const WithdrawalSource = z.object({
  chainId: z.optional(ChainId),
  tokenAddress: z.optional(z.string()),
  contractId: z.optional(z.string()),
});
export type WithdrawalSource = z.infer<typeof WithdrawalSource>;

export const WithdrawalAssetsQuery = z.object({
  q: z.optional(z.string()),
  limit: z.optional(z.string()),
  sourceChainId: z.optional(z.string().check(z.regex(/^\d+$/, { error: "must be a whole-number chain id" }))),
  sourceTokenAddress: z.optional(z.string()),
});
export type WithdrawalAssetsQuery = z.infer<typeof WithdrawalAssetsQuery>;

export const WithdrawalAssetsData = z.object({ assets: z.array(DepositAsset) });
export type WithdrawalAssetsData = z.infer<typeof WithdrawalAssetsData>;

export const WithdrawalRangeRequest = z.object({
  source: z.optional(WithdrawalSource),
  destination: z.object({ currency: Ticker, network: Ticker }, { error: requiredMessage }),
});
export type WithdrawalRangeRequest = z.infer<typeof WithdrawalRangeRequest>;

export const WithdrawalRange = z.object({
  fromCurrency: z.string(),
  fromNetwork: z.string(),
  toCurrency: z.string(),
  toNetwork: z.string(),
  minAmount: z.nullable(z.number()),
  maxAmount: z.nullable(z.number()),
  minAmountCents: z.nullable(z.number()),
  maxAmountCents: z.nullable(z.number()),
  destinationSupportsExtraId: z.boolean(),
});
export type WithdrawalRange = z.infer<typeof WithdrawalRange>;
export const WithdrawalRangeData = z.object({ range: WithdrawalRange });
export type WithdrawalRangeData = z.infer<typeof WithdrawalRangeData>;

export const WithdrawalEstimateRequest = z.object({
  source: z.optional(WithdrawalSource),
  destination: z.object(
    { currency: Ticker, network: Ticker, extraId: z.optional(z.string()) },
    { error: requiredMessage },
  ),
  amountCents: PositiveCents,
});
export type WithdrawalEstimateRequest = z.infer<typeof WithdrawalEstimateRequest>;

export const WithdrawalEstimate = z.extend(WithdrawalRange, {
  fromAmount: z.number(),
  fromAmountCents: z.number(),
  estimatedToAmount: z.nullable(z.number()),
  rateId: z.nullable(z.string()),
  destinationExtraId: z.nullable(z.string()),
});
export type WithdrawalEstimate = z.infer<typeof WithdrawalEstimate>;
export const WithdrawalEstimateData = z.object({ estimate: WithdrawalEstimate });
export type WithdrawalEstimateData = z.infer<typeof WithdrawalEstimateData>;

// ── POST /withdrawals: the current body and the older flat one ──────────────────────────────
export const WithdrawalCreateRequest = z.object({
  amountCents: PositiveCents,
  source: z.optional(WithdrawalSource),
  destination: z.object(
    {
      currency: Ticker,
      network: Ticker,
      address: z.string({ error: requiredMessage }).check(z.minLength(1, { error: "is required" })),
      extraId: z.optional(z.string()),
    },
    { error: requiredMessage },
  ),
  adminAddress: z.optional(z.string()),
});
export type WithdrawalCreateRequest = z.infer<typeof WithdrawalCreateRequest>;

/** The pre-"breaking change" body: flat token, recipient and chain. */
export const WithdrawalCreateLegacyRequest = z.object({
  amountCents: PositiveCents,
  tokenAddress: z.string({ error: requiredMessage }),
  recipientAddress: z.string({ error: requiredMessage }).check(z.minLength(1, { error: "is required" })),
  chainId: ChainId,
  contractId: z.optional(z.string()),
  adminAddress: z.optional(z.string()),
});
export type WithdrawalCreateLegacyRequest = z.infer<typeof WithdrawalCreateLegacyRequest>;

/** A body in the old flat shape (it names a `recipientAddress` and no `destination`). */
export function isLegacyWithdrawalBody(body: unknown): boolean {
  return typeof body === "object" && body !== null && !("destination" in body) && "recipientAddress" in body;
}

/**
 * The old body in the current shape. The old form could only withdraw the source asset itself,
 * so the destination is that asset on the source network.
 */
export function upgradeLegacyWithdrawal(
  body: WithdrawalCreateLegacyRequest,
  sourceAsset: { currency: string; network: string },
): WithdrawalCreateRequest {
  return {
    amountCents: body.amountCents,
    source: { chainId: body.chainId, tokenAddress: body.tokenAddress, contractId: body.contractId },
    destination: { currency: sourceAsset.currency, network: sourceAsset.network, address: body.recipientAddress },
    adminAddress: body.adminAddress,
  };
}

// ── Reply ───────────────────────────────────────────────────────────────────────────────────
export const CALL_PATHS = ["controller_v1", "coordinator_v2", "solana_v2_02", "unknown"] as const;
export const CallPath = z.enum(CALL_PATHS);
export type CallPath = z.infer<typeof CallPath>;

/**
 * Where a withdrawal executes. `coordinatorAddress` on a v1 collateral and `controllerAddress` on a v2 one
 * may be absent, not only null (§12); `callTarget`, `callPath` and `chainId` are what the Worker acts on.
 */
export const Execution = z.object({
  contractId: z.nullable(z.string()),
  contractVersion: z.nullable(z.number()),
  chainId: z.nullable(z.number()),
  collateralProxyAddress: z.nullable(z.string()),
  controllerAddress: z.optional(z.nullable(z.string())),
  coordinatorAddress: z.optional(z.nullable(z.string())),
  /** Where the transaction goes (controller for v1, coordinator for v2). Never the proxy. */
  callTarget: z.nullable(z.string()),
  callPath: CallPath,
});
export type Execution = z.infer<typeof Execution>;

export const Relay = z.nullable(
  z.object({
    changeNowId: z.string(),
    payinAddress: z.string(),
    payinExtraId: z.nullable(z.string()),
    payoutAddress: z.string(),
    payoutExtraId: z.nullable(z.string()),
    fromCurrency: z.string(),
    fromNetwork: z.string(),
    toCurrency: z.string(),
    toNetwork: z.string(),
  }),
);
export type Relay = z.infer<typeof Relay>;

/**
 * One of the 7 executor parameters: addresses and signatures as 0x strings, amount as a decimal string
 * or number, expiry as a number or a string (digits or ISO), the salt as base64, 0x-hex or 32 numbers.
 */
export const WithdrawalParameter = z.union([z.string(), z.number(), z.array(z.number())]);
export type WithdrawalParameter = z.infer<typeof WithdrawalParameter>;
export const WithdrawalParameters = z.array(WithdrawalParameter);

/** A string (old reference), `{data, salt}` (old guide), `{data, salt, parameters}` (new), `{expiresAt?, parameters?}` (example). */
export const WithdrawalSignature = z.nullable(
  z.union([
    z.string(),
    z.object({
      data: z.optional(z.string()),
      salt: z.optional(WithdrawalParameter),
      parameters: z.optional(WithdrawalParameters),
      expiresAt: z.optional(z.union([z.number(), z.string()])),
    }),
  ]),
);
export type WithdrawalSignature = z.infer<typeof WithdrawalSignature>;

export const WithdrawalPending = z.object({
  status: z.literal("pending"),
  retryAfterSeconds: z.nullable(z.number()),
  execution: z.optional(z.nullable(Execution)),
  relay: z.optional(Relay),
});
export type WithdrawalPending = z.infer<typeof WithdrawalPending>;

export const WithdrawalReady = z.object({
  status: z.literal("ready"),
  retryAfterSeconds: z.optional(z.nullable(z.number())),
  parameters: z.optional(z.nullable(WithdrawalParameters)),
  signature: z.optional(WithdrawalSignature),
  /** Informational: ISO in the docs, a number in the example's mocks. `parameters[4]` is authoritative. */
  expiresAt: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  execution: z.optional(z.nullable(Execution)),
  relay: z.optional(Relay),
});
export type WithdrawalReady = z.infer<typeof WithdrawalReady>;

export const WithdrawalCreateData = z.discriminatedUnion("status", [WithdrawalPending, WithdrawalReady]);
export type WithdrawalCreateData = z.infer<typeof WithdrawalCreateData>;
