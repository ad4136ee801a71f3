import type { SandboxChain } from "../chain/sandbox-chain.types";
import type { FaultRuleInput } from "./http/faults";
import type { SimulatorState } from "./state/records";

/** The partner key the sandbox accepts when none is configured (`SANDBOX_PARTNER_KEY`). */
export const DEFAULT_PARTNER_KEY = "sk_sandbox_machines_partner_key";
/** Signs session tokens, KYC links, and derives the label and card-number keys. */
export const DEFAULT_SESSION_SECRET = "sandbox-machines-session-secret-not-for-production";
export const DEFAULT_PUBLIC_BASE_URL = "http://127.0.0.1:8788";

export const SALT_ENCODINGS = ["base64", "hex", "bytes"] as const;
export type SaltEncoding = (typeof SALT_ENCODINGS)[number];
export const EXPIRES_AT_ENCODINGS = ["number", "string", "iso"] as const;
export type ExpiresAtEncoding = (typeof EXPIRES_AT_ENCODINGS)[number];
export type CollateralVersion = 1 | 2;

/** What a tester may change while the sandbox runs (`PATCH /sandbox/settings`). */
export interface SimulatorSettings {
  /** Seconds between a withdrawal's first create and `ready` (default 2). */
  withdrawalReadyAfterSeconds: number;
  /** Seconds a detected deposit stays `processing` before `completed` (default 2). */
  depositProcessingSeconds: number;
  /** Seconds a recorded card purchase stays `pending` before `posted` (default 10). */
  purchasePostingSeconds: number;
  /** Collateral contract version for users provisioned from now on (default 2). */
  collateralVersion: CollateralVersion;
  /**
   * Per-wallet choice that wins over `collateralVersion` for the user whose wallet it is, keyed by the
   * lower-cased address (`PUT /sandbox/collateral-versions/:walletAddress`). A wallet's address is known
   * before its user is provisioned, so tests sharing one sandbox can each pick v1 or v2 without racing.
   */
  collateralVersionByWallet: Record<string, CollateralVersion>;
  /** Encoding of `parameters[5]` (the executor salt) in `ready` withdrawals (default base64). */
  saltEncoding: SaltEncoding;
  /** Encoding of `parameters[4]` (the expiry) in `ready` withdrawals (default number). */
  expiresAtEncoding: ExpiresAtEncoding;
  /** When true, each user's first `POST /deposits` fails once with `missing_contract` (default false). */
  missingContractOnce: boolean;
}

export const DEFAULT_SETTINGS: SimulatorSettings = {
  withdrawalReadyAfterSeconds: 2,
  depositProcessingSeconds: 2,
  purchasePostingSeconds: 10,
  collateralVersion: 2,
  collateralVersionByWallet: {},
  saltEncoding: "base64",
  expiresAtEncoding: "number",
  missingContractOnce: false,
};

export interface SimulatorLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface MachinesSimulatorOptions extends Partial<SimulatorSettings> {
  /** The local chain. Without it, collaterals get synthetic addresses and `ready` signatures cannot execute. */
  chain?: SandboxChain;
  /** Accepted `X-Partner-Key` (default `sk_sandbox_machines_partner_key`). */
  partnerKey?: string;
  /** Origin the sandbox is reachable at, for the KYC `completionLink` (default `http://127.0.0.1:8788`). */
  publicBaseUrl?: string;
  /** Secret behind session tokens, KYC link signatures, label keys and card numbers. */
  sessionSecret?: string;
  /** Fault rules active from the start (see `parseFaultRules` for `SANDBOX_FAULTS`). */
  faults?: FaultRuleInput[];
  /** State from an earlier `exportState()`. */
  state?: SimulatorState;
  /** The clock, ms since the epoch (tests move it). */
  now?: () => number;
  /** Request and event log; never receives tokens, keys or card numbers. Default: warnings and errors to the console. */
  logger?: SimulatorLogger;
}

export const consoleLogger: SimulatorLogger = {
  info: () => {},
  warn: (message, fields) => console.warn(`[machines-sandbox] ${message}`, fields ?? ""),
  error: (message, fields) => console.error(`[machines-sandbox] ${message}`, fields ?? ""),
};
