import type { CardLimit, EncryptedBlob, KnownKycStatus, Scope, TransactionType, WalletChain, WithdrawalCreateRequest } from "@machines-card/contract/machines";

/**
 * Everything the simulator remembers, as plain JSON (bigints as decimal strings, times as ISO or ms),
 * so `exportState()` / `importState()` can keep a sandbox across restarts.
 */

export interface WalletRecord {
  chain: WalletChain;
  /** Lower-cased for EVM. */
  address: string;
  label: string | null;
  linkedAt: string;
}

export interface CollateralRecord {
  /** The Rain-style contract id (a UUID), reported as `contractId`. */
  contractId: string;
  proxyAddress: string;
  version: 1 | 2;
  chainId: number;
  /** Lower-cased admin addresses the simulator added (the chain is the authority when there is one). */
  admins: string[];
}

export interface KycRecord {
  status: KnownKycStatus;
  reason: string | null;
  submittedAt: string | null;
  updatedAt: string | null;
  /** Kept so testers can find the applicant (the rest of the application is not stored). */
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

export interface UserRecord {
  userId: string;
  createdAt: string;
  /** Oldest first; the last one is the one replies report. */
  wallets: WalletRecord[];
  kyc: KycRecord;
  agreementsAcceptedAt: string | null;
  collateral: CollateralRecord | null;
  /** Collateral credited so far, in cents (deposits in, withdrawals out). */
  creditLimitCents: number;
  /** `missingContractOnce`: set once the one failing deposit create has been served. */
  missingContractServed: boolean;
}

export interface SessionRecord {
  sessionId: string;
  userId: string;
  scopes: Scope[];
  label: string | null;
  createdAt: string;
  /** ms since the epoch, whole seconds. */
  expiresAtMs: number;
}

export interface CardRecord {
  cardId: string;
  userId: string;
  status: "active" | "locked" | "canceled";
  last4: string;
  expirationMonth: number;
  expirationYear: number;
  limit: CardLimit | null;
  encryptedName: EncryptedBlob | null;
  encryptedColor: EncryptedBlob | null;
  encryptedEmoji: EncryptedBlob | null;
  encryptedMemo: EncryptedBlob | null;
  sortOrder: number;
  createdAt: string;
  deletedAt: string | null;
}

export interface CardSecretsSessionRecord {
  sessionId: string;
  userId: string;
  /** 32 hex characters (AES-128). */
  secretKey: string;
  expiresAtMs: number;
}

export interface DepositRecord {
  id: string;
  userId: string;
  contractId: string;
  fromCurrency: string;
  fromNetwork: string;
  depositAddress: string;
  chainId: number;
  minAmount: number;
  maxAmount: number | null;
  status: "awaitingDeposit" | "processing" | "completed" | "failed" | "canceled";
  requestedAmount: number | null;
  receivedAmountCents: number | null;
  txHash: string | null;
  /** ms since the epoch; `processing` turns `completed` once the processing delay has passed. */
  processingSinceMs: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface TransactionRecord {
  transactionId: string;
  userId: string;
  type: TransactionType;
  status: "pending" | "posted";
  amountCents: number;
  currency: string;
  merchantName: string | null;
  cardId: string | null;
  createdAt: string;
  /** ms since the epoch at which a pending purchase posts by itself. */
  postAtMs: number | null;
}

/** The signed executor payload, stored canonically; encodings are applied when replying. */
export interface SignedWithdrawal {
  collateralProxy: string;
  asset: string;
  /** Smallest token unit, decimal. */
  amount: string;
  recipient: string;
  /** Unix seconds. */
  expiresAt: number;
  /** 0x + 64 hex. */
  salt: string;
  /** 0x-hex, 65 bytes. */
  signature: string;
  /** The nonce the signature is bound to (v1: the controller's nonce(collateral); v2: adminNonce()), decimal. */
  nonce: string;
}

export interface WithdrawalRecord {
  id: string;
  userId: string;
  request: WithdrawalCreateRequest;
  adminAddress: string;
  /** Identifies "the same withdrawal" across fresh Idempotency-Keys. */
  fingerprint: string;
  createdAtMs: number;
  readyAtMs: number;
  collateral: CollateralRecord;
  relay: RelayRecord | null;
  signed: SignedWithdrawal | null;
  /** Set when the watcher sees the collateral pay this withdrawal out. */
  executedTxHash: string | null;
  /** Set when another withdrawal consumed the collateral's nonce first (this signature can no longer work). */
  supersededAtMs: number | null;
}

export interface RelayRecord {
  changeNowId: string;
  payinAddress: string;
  payoutAddress: string;
  payoutExtraId: string | null;
  toCurrency: string;
  toNetwork: string;
}

export interface IdempotencyRecord {
  /** Canonical JSON of the validated body. */
  body: string;
  resourceId: string;
  createdAtMs: number;
}

export interface SimulatorState {
  version: 1;
  users: Record<string, UserRecord>;
  sessions: Record<string, SessionRecord>;
  cards: Record<string, CardRecord>;
  cardSecretsSessions: Record<string, CardSecretsSessionRecord>;
  deposits: Record<string, DepositRecord>;
  transactions: Record<string, TransactionRecord>;
  withdrawals: Record<string, WithdrawalRecord>;
  /** Keyed by `userId method path key`. */
  idempotency: Record<string, IdempotencyRecord>;
  /** Last block whose test-dollar transfers were applied (decimal), so a restart resumes without gaps. */
  lastTransferBlock: string | null;
}

export function emptyState(): SimulatorState {
  return {
    version: 1,
    users: {},
    sessions: {},
    cards: {},
    cardSecretsSessions: {},
    deposits: {},
    transactions: {},
    withdrawals: {},
    idempotency: {},
    lastTransferBlock: null,
  };
}
