import * as z from "zod/mini";
import { CallPath, WithdrawalEstimate, WithdrawalRange } from "../machines/withdrawals";
import { defineRoute } from "./define-route";
import { Asset } from "./deposits";
import { Address, AssetCode, Hex, PositiveCents, TxHash } from "./primitives";

export const Destination = z.strictObject({
  currency: AssetCode,
  network: AssetCode,
  address: z.string().check(z.minLength(1), z.maxLength(128)),
  extraId: z.optional(z.string().check(z.maxLength(128))),
});

// Ranges and estimates pass through from Machines unchanged (checked on the way).
export { WithdrawalEstimate, WithdrawalRange } from "../machines/withdrawals";

/**
 * The Worker's lifecycle of a withdrawal. `pending` and `ready` are Machines' (signature being prepared,
 * signature ready); the rest are ours, from the chain: the wallet `submitted` a transaction, which was
 * `confirmed` or `failed` on chain; `expired` if the signature ran out before it was sent.
 */
export const WithdrawalStatus = z.enum(["pending", "ready", "submitted", "confirmed", "failed", "expired"]);
export type WithdrawalStatus = z.infer<typeof WithdrawalStatus>;

export { CallPath } from "../machines/withdrawals";

export const Withdrawal = z.object({
  id: z.string(),
  status: WithdrawalStatus,
  amountCents: z.int(),
  destination: z.object({ currency: z.string(), network: z.string(), address: z.string(), extraId: z.nullable(z.string()) }),
  /** While pending: when to ask again. */
  retryAfterSeconds: z.nullable(z.number()),
  execution: z.nullable(
    z.object({
      callPath: CallPath,
      /** The contract the transaction goes to (controller or coordinator, never the collateral proxy). */
      callTarget: z.nullable(Address),
      chainId: z.nullable(z.int()),
      collateralProxyAddress: z.nullable(Address),
      contractVersion: z.nullable(z.int()),
    }),
  ),
  /** What the signed call will do, once ready: for the preview the user confirms. */
  call: z.nullable(
    z.object({
      tokenAddress: Address,
      /** Amount in the token's smallest unit, as a decimal string. */
      amountNative: z.string(),
      /** The token's decimals (read on chain by the Worker when it bound the call to the request); null if unknown. */
      tokenDecimals: z.optional(z.nullable(z.int())),
      recipient: Address,
      /** Unix seconds after which the signature is no longer accepted. */
      expiresAt: z.int(),
    }),
  ),
  /**
   * A relayed withdrawal: the tokens go to the conversion service's pay-in address, which pays the user out
   * (`payoutAddress`/`payoutExtraId` in `toCurrency` on `toNetwork`, checked by the Worker against the destination).
   */
  relay: z.nullable(
    z.object({
      payinAddress: z.string(),
      payinExtraId: z.nullable(z.string()),
      payoutAddress: z.optional(z.nullable(z.string())),
      payoutExtraId: z.optional(z.nullable(z.string())),
      toCurrency: z.optional(z.nullable(z.string())),
      toNetwork: z.optional(z.nullable(z.string())),
    }),
  ),
  /** The wallet that must send the transaction (the user's own wallet). */
  adminAddress: Address,
  /** The hash the wallet reported: a transaction's, or a smart account's user operation's. A candidate until confirmed. */
  submittedTxHash: z.nullable(TxHash),
  /** What the chain says `submittedTxHash` is; null while it does not know the hash (yet). */
  submittedHashKind: z.nullable(z.enum(["transaction", "user_operation"])),
  /** The transaction that executed the withdrawal (a bundle, for a smart account). */
  confirmedTxHash: z.nullable(TxHash),
  failureReason: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Withdrawal = z.infer<typeof Withdrawal>;

export const CreateWithdrawalBody = z.strictObject({
  amountCents: PositiveCents,
  destination: Destination,
});

/** EIP-712 typed data, as `eth_signTypedData_v4` takes it (uint256 values as decimal strings). */
export const AdminTypedData = z.object({
  domain: z.object({ name: z.string(), version: z.string(), chainId: z.int(), verifyingContract: Address, salt: Hex }),
  types: z.record(z.string(), z.array(z.object({ name: z.string(), type: z.string() }))),
  primaryType: z.literal("Withdraw"),
  message: z.object({ user: Address, asset: Address, amount: z.string(), recipient: Address, nonce: z.string() }),
});
export type AdminTypedData = z.infer<typeof AdminTypedData>;

export const WithdrawalTransaction = z.object({
  from: Address,
  to: Address,
  data: Hex,
  value: z.literal("0x0"),
  chainId: z.int(),
});
export type WithdrawalTransaction = z.infer<typeof WithdrawalTransaction>;

export const PrepareWithdrawalBody = z.union([
  z.strictObject({}),
  /** coordinator_v2, second call: the admin salt the Worker handed out and the wallet's signature over it. */
  z.strictObject({ adminSalt: Hex, adminSignature: Hex }),
]);

export const PreparedWithdrawal = z.discriminatedUnion("kind", [
  /** coordinator_v2: the wallet must sign this first, then call prepare again with the signature. */
  z.object({ kind: z.literal("typedData"), typedData: AdminTypedData, adminSalt: Hex, signer: Address }),
  /** The transaction the wallet sends, from `from` to `to`. */
  z.object({ kind: z.literal("transaction"), transaction: WithdrawalTransaction }),
]);
export type PreparedWithdrawal = z.infer<typeof PreparedWithdrawal>;

const WithdrawalParams = z.strictObject({ withdrawalId: z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)) });

export const withdrawalRoutes = {
  listWithdrawalAssets: defineRoute({
    method: "GET",
    path: "/v1/withdrawals/assets",
    operationId: "listWithdrawalAssets",
    tag: "withdrawals",
    summary: "Assets and networks a withdrawal can be sent to",
    auth: true,
    query: z.strictObject({ q: z.optional(z.string().check(z.maxLength(64))), limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))) }),
    response: z.object({ assets: z.array(Asset) }),
  }),
  getWithdrawalRange: defineRoute({
    method: "POST",
    path: "/v1/withdrawals/range",
    operationId: "getWithdrawalRange",
    tag: "withdrawals",
    summary: "Minimum and maximum withdrawal to a destination asset and network",
    auth: true,
    body: z.strictObject({ destination: z.strictObject({ currency: AssetCode, network: AssetCode }) }),
    response: z.object({ range: WithdrawalRange }),
  }),
  estimateWithdrawal: defineRoute({
    method: "POST",
    path: "/v1/withdrawals/estimate",
    operationId: "estimateWithdrawal",
    tag: "withdrawals",
    summary: "What a withdrawal of an amount will deliver",
    auth: true,
    body: z.strictObject({
      destination: z.strictObject({ currency: AssetCode, network: AssetCode, extraId: z.optional(z.string().check(z.maxLength(128))) }),
      amountCents: PositiveCents,
    }),
    response: z.object({ estimate: WithdrawalEstimate }),
  }),
  createWithdrawal: defineRoute({
    method: "POST",
    path: "/v1/withdrawals",
    operationId: "createWithdrawal",
    tag: "withdrawals",
    summary: "Start a withdrawal (idempotent: repeat with the same key to follow a pending one)",
    auth: true,
    idempotency: "required",
    body: CreateWithdrawalBody,
    response: z.object({ withdrawal: Withdrawal }),
    successStatus: 201,
    errors: ["agreements_required", "idempotency_conflict", "insufficient_collateral", "withdrawal_amount_mismatch", "withdrawal_asset_mismatch", "withdrawal_call_target_mismatch", "withdrawal_destination_mismatch"],
  }),
  listWithdrawals: defineRoute({
    method: "GET",
    path: "/v1/withdrawals",
    operationId: "listWithdrawals",
    tag: "withdrawals",
    summary: "The user's withdrawals, newest first",
    auth: true,
    response: z.object({ withdrawals: z.array(Withdrawal) }),
  }),
  getWithdrawal: defineRoute({
    method: "GET",
    path: "/v1/withdrawals/:withdrawalId",
    operationId: "getWithdrawal",
    tag: "withdrawals",
    summary: "One withdrawal; a pending one is advanced and a submitted one reconciled with the chain",
    auth: true,
    params: WithdrawalParams,
    response: z.object({ withdrawal: Withdrawal }),
    errors: ["not_found", "withdrawal_amount_mismatch", "withdrawal_asset_mismatch", "withdrawal_call_target_mismatch", "withdrawal_destination_mismatch"],
  }),
  prepareWithdrawal: defineRoute({
    method: "POST",
    path: "/v1/withdrawals/:withdrawalId/prepare",
    operationId: "prepareWithdrawal",
    tag: "withdrawals",
    summary: "The call the user's wallet makes: typed data to sign first (coordinator_v2), then the transaction",
    auth: true,
    params: WithdrawalParams,
    body: PrepareWithdrawalBody,
    response: PreparedWithdrawal,
    errors: ["not_found", "invalid_state", "withdrawal_expired", "withdrawal_amount_mismatch", "withdrawal_asset_mismatch", "withdrawal_call_target_mismatch", "withdrawal_destination_mismatch", "withdrawal_simulation_mismatch"],
  }),
  submitWithdrawal: defineRoute({
    method: "POST",
    path: "/v1/withdrawals/:withdrawalId/submit",
    operationId: "submitWithdrawal",
    tag: "withdrawals",
    summary: "Record the hash the wallet reported: a transaction or a user-operation hash",
    auth: true,
    params: WithdrawalParams,
    body: z.strictObject({ txHash: TxHash }),
    response: z.object({ withdrawal: Withdrawal }),
    errors: ["not_found", "invalid_state"],
  }),
};
