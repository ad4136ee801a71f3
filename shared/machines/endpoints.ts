import * as z from "zod/mini";
import { AgreementsAcceptRequest, AgreementsData } from "./agreements";
import { BalancesData } from "./balances";
import {
  Card,
  CardCreateData,
  CardCreateRequest,
  CardDeleteData,
  CardListData,
  CardParams,
  CardSecretsData,
  CardSecretsRequest,
  CardSecretsSessionData,
  CardSecretsSessionRequest,
  CardsQuery,
  CardUpdateRequest,
} from "./cards";
import { defineEndpoint } from "./define-endpoint";
import {
  AssetsQuery,
  DepositAssetsData,
  DepositCreateRequest,
  DepositData,
  DepositEstimateData,
  DepositEstimateRequest,
  DepositParams,
  DepositRangeData,
  DepositRangeRequest,
  DepositsData,
  DepositsQuery,
} from "./deposits";
import { DecryptData, DecryptRequest, EncryptData, EncryptRequest } from "./encryption";
import { KycApplication, KycStatusData, KycValuesData } from "./kyc";
import { isExampleShapedBody, SessionCreateDocsRequest, SessionCreateExampleRequest, SessionData } from "./sessions";
import { TransactionsData, TransactionsQuery } from "./transactions";
import { UserResolveData, UserResolveDocsRequest, UserResolveExampleRequest } from "./users";
import {
  isLegacyWithdrawalBody,
  WithdrawalAssetsData,
  WithdrawalAssetsQuery,
  WithdrawalCreateData,
  WithdrawalCreateLegacyRequest,
  WithdrawalCreateRequest,
  WithdrawalEstimateData,
  WithdrawalEstimateRequest,
  WithdrawalRangeData,
  WithdrawalRangeRequest,
} from "./withdrawals";

/**
 * Every endpoint of the Machines partner API (`/partner/v1`) that the Worker calls or the simulator
 * serves, by name: method, path, credential, scope, idempotency, request and reply schemas (reference §8).
 * Scopes marked * in the reference are not public: these are the sandbox's choices, which the Worker's
 * sessions cover either way. The Worker calls `machines.call(machinesApi.x, …)`; the simulator mounts
 * `serve(app, machinesApi.x, handler)`.
 */
export const machinesApi = {
  // ── Partner key ───────────────────────────────────────────────────────────────────────────────
  /** Mints a session token for one user (409 "kyc required" for non-KYC scopes before approval). Never repeated: a lost reply costs one orphaned session. */
  createSession: defineEndpoint({
    method: "POST",
    path: "/sessions",
    auth: "partner",
    idempotent: false,
    body: z.union([SessionCreateDocsRequest, SessionCreateExampleRequest]),
    bodyShape: (raw) => (isExampleShapedBody(raw) ? SessionCreateExampleRequest : SessionCreateDocsRequest),
    data: SessionData,
  }),
  /** Links the partner user id and wallet to a Machines user; repeating it returns the same user. */
  resolveUser: defineEndpoint({
    method: "POST",
    path: "/users/resolve",
    auth: "partner",
    idempotent: true,
    body: z.union([UserResolveDocsRequest, UserResolveExampleRequest]),
    bodyShape: (raw) => (isExampleShapedBody(raw) ? UserResolveExampleRequest : UserResolveDocsRequest),
    data: UserResolveData,
  }),

  // ── KYC and agreements ────────────────────────────────────────────────────────────────────────
  getKycValues: defineEndpoint({
    method: "GET",
    path: "/kyc/values",
    aliases: ["/kyc/schema"],
    auth: "session",
    scope: "kyc.read",
    idempotent: true,
    data: KycValuesData,
  }),
  /** Answers the resulting KYC status; 409 `invalid_state` once KYC is final. Not repeated. */
  submitKycApplication: defineEndpoint({
    method: "POST",
    path: "/kyc/applications",
    auth: "session",
    scope: "kyc.write",
    idempotent: false,
    body: KycApplication,
    data: KycStatusData,
  }),
  /** 404 when the user never applied (read as `not_submitted`). */
  getKycStatus: defineEndpoint({ method: "GET", path: "/kyc/status", auth: "session", scope: "kyc.read", idempotent: true, data: KycStatusData }),
  /** 409 `invalid_state` before KYC approval. */
  getAgreements: defineEndpoint({ method: "GET", path: "/agreements", auth: "session", scope: "kyc.read", idempotent: true, data: AgreementsData }),
  /** Accepting again keeps the first `acceptedAt`. */
  acceptAgreements: defineEndpoint({
    method: "POST",
    path: "/agreements",
    auth: "session",
    scope: "kyc.write",
    idempotent: true,
    body: AgreementsAcceptRequest,
    data: AgreementsData,
  }),

  // ── Cards ─────────────────────────────────────────────────────────────────────────────────────
  listCards: defineEndpoint({
    method: "GET",
    path: "/cards",
    auth: "session",
    scope: "cards.read",
    idempotent: true,
    query: CardsQuery,
    data: CardListData,
  }),
  /** 409 before agreements; the same key and body give the same card. */
  createCard: defineEndpoint({
    method: "POST",
    path: "/cards",
    auth: "session",
    scope: "cards.write",
    idempotencyKey: true,
    idempotent: false,
    body: CardCreateRequest,
    data: CardCreateData,
  }),
  getCard: defineEndpoint({ method: "GET", path: "/cards/:cardId", auth: "session", scope: "cards.read", idempotent: true, params: CardParams, data: Card }),
  /** Lock, unlock, limit, labels; setting the same state again is harmless. 409 on a canceled card. */
  updateCard: defineEndpoint({
    method: "PATCH",
    path: "/cards/:cardId",
    auth: "session",
    scope: "cards.write",
    idempotent: true,
    params: CardParams,
    body: CardUpdateRequest,
    data: Card,
  }),
  /** Cancels the card for good (repeating it is harmless). */
  deleteCard: defineEndpoint({
    method: "DELETE",
    path: "/cards/:cardId",
    auth: "session",
    scope: "cards.write",
    idempotent: true,
    params: CardParams,
    data: CardDeleteData,
  }),
  /** A short-lived session and its AES-128-GCM `secretKey` (which never leaves the Worker). */
  createCardSecretsSession: defineEndpoint({
    method: "POST",
    path: "/cards/secrets/session",
    auth: "session",
    scope: "cards.secrets.read",
    idempotent: true,
    body: CardSecretsSessionRequest,
    data: CardSecretsSessionData,
  }),
  /** The card number and CVC, encrypted under the secrets session's key. */
  getCardSecrets: defineEndpoint({
    method: "POST",
    path: "/cards/:cardId/secrets",
    auth: "session",
    scope: "cards.secrets.read",
    idempotent: true,
    params: CardParams,
    body: CardSecretsRequest,
    data: CardSecretsData,
  }),
  encryptValue: defineEndpoint({
    method: "POST",
    path: "/encryption/encrypt",
    auth: "session",
    scope: "encryption.write",
    idempotent: true,
    body: EncryptRequest,
    data: EncryptData,
  }),
  decryptValue: defineEndpoint({
    method: "POST",
    path: "/encryption/decrypt",
    auth: "session",
    scope: "encryption.read",
    idempotent: true,
    body: DecryptRequest,
    data: DecryptData,
  }),
  /** Exists at Machines; its shape is not public (the simulator answers 404). */
  getEncryptionDataKey: defineEndpoint({ method: "GET", path: "/encryption/data-key", auth: "session", idempotent: true, data: z.unknown() }),

  // ── Money ─────────────────────────────────────────────────────────────────────────────────────
  /** No extra scope (the quickstart reads it with a KYC-only token). */
  getBalances: defineEndpoint({ method: "GET", path: "/balances", auth: "session", idempotent: true, data: BalancesData }),
  listTransactions: defineEndpoint({
    method: "GET",
    path: "/transactions",
    auth: "session",
    scope: "transactions.read",
    idempotent: true,
    query: TransactionsQuery,
    data: TransactionsData,
  }),
  listDepositAssets: defineEndpoint({
    method: "GET",
    path: "/deposits/assets",
    auth: "session",
    idempotent: true,
    query: AssetsQuery,
    data: DepositAssetsData,
  }),
  getDepositRange: defineEndpoint({
    method: "POST",
    path: "/deposits/range",
    auth: "session",
    idempotent: true,
    body: DepositRangeRequest,
    data: DepositRangeData,
  }),
  estimateDeposit: defineEndpoint({
    method: "POST",
    path: "/deposits/estimate",
    auth: "session",
    idempotent: true,
    body: DepositEstimateRequest,
    data: DepositEstimateData,
  }),
  /** 409 before agreements; `missing_contract` before the collateral exists. */
  createDeposit: defineEndpoint({
    method: "POST",
    path: "/deposits",
    auth: "session",
    idempotencyKey: true,
    idempotent: false,
    body: DepositCreateRequest,
    data: DepositData,
  }),
  listDeposits: defineEndpoint({ method: "GET", path: "/deposits", auth: "session", idempotent: true, query: DepositsQuery, data: DepositsData }),
  getDeposit: defineEndpoint({
    method: "GET",
    path: "/deposits/:depositId",
    auth: "session",
    idempotent: true,
    params: DepositParams,
    data: DepositData,
  }),

  // ── Withdrawals ───────────────────────────────────────────────────────────────────────────────
  listWithdrawalAssets: defineEndpoint({
    method: "GET",
    path: "/withdrawals/assets",
    auth: "session",
    scope: "deposits.read",
    idempotent: true,
    query: WithdrawalAssetsQuery,
    data: WithdrawalAssetsData,
  }),
  getWithdrawalRange: defineEndpoint({
    method: "POST",
    path: "/withdrawals/range",
    auth: "session",
    scope: "deposits.read",
    idempotent: true,
    body: WithdrawalRangeRequest,
    data: WithdrawalRangeData,
  }),
  estimateWithdrawal: defineEndpoint({
    method: "POST",
    path: "/withdrawals/estimate",
    auth: "session",
    scope: "deposits.read",
    idempotent: true,
    body: WithdrawalEstimateRequest,
    data: WithdrawalEstimateData,
  }),
  /**
   * `pending` (ask again with the same key after `retryAfterSeconds`) or `ready` (7 parameters). 409 before
   * agreements or for a reused key with another body, 422 `insufficient_collateral`. Both documented bodies.
   */
  createWithdrawal: defineEndpoint({
    method: "POST",
    path: "/withdrawals",
    auth: "session",
    scope: "withdrawals.write",
    idempotencyKey: true,
    idempotent: false,
    body: z.union([WithdrawalCreateRequest, WithdrawalCreateLegacyRequest]),
    bodyShape: (raw) => (isLegacyWithdrawalBody(raw) ? WithdrawalCreateLegacyRequest : WithdrawalCreateRequest),
    data: WithdrawalCreateData,
  }),
} as const;

export type MachinesApi = typeof machinesApi;
export type MachinesEndpointName = keyof MachinesApi;
