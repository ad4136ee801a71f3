import * as z from "zod/mini";
import { DepositAsset, DepositEstimate, DepositRange, Deposit as MachinesDeposit } from "../machines/deposits";
import { defineRoute } from "./define-route";
import { AssetCode, ResourceId } from "./primitives";

// Assets, networks, ranges and estimates pass through from Machines unchanged (checked on the way).
export { DepositEstimate, DepositRange, Network } from "../machines/deposits";
export const Asset = DepositAsset;
export type Asset = DepositAsset;

export const AssetPair = z.strictObject({ currency: AssetCode, network: AssetCode });

/** Machines' statuses: the known ones typed, an unknown one carried as a string (show it as in progress). */
export { DepositStatus } from "../machines/deposits";

/**
 * Machines' deposit as the Worker reports it: the fields Machines may leave out (`changeNowId`,
 * `payinExtraId`, `maxAmount`) are always present here, null when absent, and the chain id is whole.
 */
export const Deposit = z.extend(MachinesDeposit, {
  changeNowId: z.nullable(z.string()),
  /** Memo or tag that must accompany the transfer when not null. */
  payinExtraId: z.nullable(z.string()),
  chainId: z.nullable(z.int()),
  maxAmount: z.nullable(z.number()),
});
export type Deposit = z.infer<typeof Deposit>;

const Amount = z.number().check(z.gt(0, { error: "must be greater than 0" }));

export const depositRoutes = {
  listDepositAssets: defineRoute({
    method: "GET",
    path: "/v1/deposits/assets",
    operationId: "listDepositAssets",
    tag: "deposits",
    summary: "Assets and networks a deposit can be made in",
    auth: true,
    query: z.strictObject({ q: z.optional(z.string().check(z.maxLength(64))), limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))) }),
    response: z.object({ assets: z.array(Asset) }),
  }),
  getDepositRange: defineRoute({
    method: "POST",
    path: "/v1/deposits/range",
    operationId: "getDepositRange",
    tag: "deposits",
    summary: "Minimum and maximum deposit for an asset and network",
    auth: true,
    body: AssetPair,
    response: z.object({ range: DepositRange }),
  }),
  estimateDeposit: defineRoute({
    method: "POST",
    path: "/v1/deposits/estimate",
    operationId: "estimateDeposit",
    tag: "deposits",
    summary: "What a deposit of an amount will credit",
    auth: true,
    body: z.strictObject({
      currency: AssetCode,
      network: AssetCode,
      amount: Amount,
      amountCurrency: z.optional(z.enum(["crypto", "usd"])),
    }),
    response: z.object({ estimate: DepositEstimate }),
  }),
  createDeposit: defineRoute({
    method: "POST",
    path: "/v1/deposits",
    operationId: "createDeposit",
    tag: "deposits",
    summary: "Create a deposit address",
    auth: true,
    idempotency: "optional",
    body: z.strictObject({ currency: AssetCode, network: AssetCode, amount: z.optional(Amount) }),
    response: z.object({ deposit: Deposit }),
    successStatus: 201,
    errors: ["agreements_required", "idempotency_conflict"],
  }),
  listDeposits: defineRoute({
    method: "GET",
    path: "/v1/deposits",
    operationId: "listDeposits",
    tag: "deposits",
    summary: "Recent active deposits, or the full history with scope=all",
    auth: true,
    query: z.strictObject({ scope: z.optional(z.enum(["active", "all"])) }),
    response: z.object({ deposits: z.array(Deposit) }),
  }),
  getDeposit: defineRoute({
    method: "GET",
    path: "/v1/deposits/:depositId",
    operationId: "getDeposit",
    tag: "deposits",
    summary: "One deposit and its status",
    auth: true,
    params: z.strictObject({ depositId: ResourceId }),
    response: z.object({ deposit: Deposit }),
    errors: ["not_found"],
  }),
};
