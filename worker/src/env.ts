import type { Settings } from "./settings/settings";
import type { VerifiedIdentity } from "./auth/verify-user-token";
import type { UserContext } from "./users/user-context";

/**
 * The Worker's bindings: D1, the rate-limit bindings, and every setting as wrangler hands it over
 * (`[vars]` and secrets are plain strings; `settings/settings.ts` parses them once per isolate).
 */
export interface Bindings {
  DB: D1Database;
  ENVIRONMENT?: string;
  MACHINES_API_BASE?: string;
  MACHINES_PARTNER_KEY?: string;
  UPSTREAM_TIMEOUT_MS?: string;
  CROSSMINT_JWKS_URL?: string;
  CROSSMINT_ISSUER?: string;
  CROSSMINT_AUDIENCE?: string;
  CROSSMINT_API_BASE?: string;
  CROSSMINT_SERVER_KEY?: string;
  CROSSMINT_CLIENT_API_KEY?: string;
  CROSSMINT_WALLET_SIGNER?: string;
  CHAIN_RPC_URL?: string;
  CHAIN_ID?: string;
  CHAIN_NAME?: string;
  CHAIN_EXPLORER_URL?: string;
  /** Extra ERC-4337 EntryPoints (comma-separated) besides the canonical v0.6 and v0.7 ones. */
  CHAIN_ENTRY_POINTS?: string;
  /** The widest block range one eth_getLogs asks for (default 2000). */
  CHAIN_LOGS_MAX_BLOCKS?: string;
  /** Contracts the preflight checks for code on the chain (comma-separated): the collateral controller(s) Machines names. */
  CHAIN_CONTRACTS?: string;
  /** The collateral's token (default: Base USDC on 8453, rUSD on Base Sepolia 84532; the sandbox's own token). */
  COLLATERAL_TOKEN_ADDRESS?: string;
  /** The controllers/coordinators a withdrawal may be sent to (comma-separated; the sandbox's own by default). */
  WITHDRAWAL_CALL_TARGETS?: string;
  /** Sandbox environments only: the test token whose public `mint(uint256 dollars)` the widget's "add test funds" calls (rUSD on Base Sepolia). */
  TEST_FUNDS_TOKEN_ADDRESS?: string;
  ALLOWED_ORIGINS?: string;
  SESSION_TTL_SECONDS?: string;
  KYC_SCOPES?: string;
  CARD_SCOPES?: string;
  DATA_ENCRYPTION_KEY?: string;
  SANDBOX_URL?: string;
  REVEAL_TICKET_SECONDS?: string;
  /** The partner's secret for `GET /v1/preflight`; the route is absent when unset. */
  PREFLIGHT_TOKEN?: string;
  /** Workers rate-limit bindings (`[[ratelimits]]` in wrangler.toml); an in-isolate limiter stands in when absent. */
  REVEAL_RATE_LIMIT?: RateLimit;
  KYC_SUBMIT_RATE_LIMIT?: RateLimit;
  WITHDRAWAL_CREATE_RATE_LIMIT?: RateLimit;
}

/**
 * Per-request values, set once by middleware and read with `c.get(...)`. Not `c.var`: Hono builds a new
 * object of every variable on each `c.var` access, which the hot path would pay several times a request.
 */
export interface Variables {
  /** Made by the Worker for every request: in every log line and audit row, and in the reply unless the caller sent its own. */
  requestId: string;
  /** The caller's well-formed `X-Request-Id`, if any: echoed back and kept beside `requestId`, never instead of it. */
  clientRequestId: string | null;
  /** Parsed settings (every route but /healthz and /openapi.json). */
  settings: Settings;
  /** The verified bearer token's subject (routes with `auth: true`). */
  identity: VerifiedIdentity;
  /** The partner user, their wallet and cached partner sessions (routes with `auth: true`). */
  user: UserContext;
  /** The validated request (`http/validate.ts`); handlers receive it typed as their second argument. */
  input: unknown;
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
