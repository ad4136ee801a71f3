// Types of @machines-card/worker's public surface (the bundle in dist/ is plain JavaScript). Cloudflare's
// types (Request, D1Database, ExecutionContext, ...) come from the partner's `wrangler types` output or
// @cloudflare/workers-types. worker/src/factory.test.ts keeps the bindings in step with worker/src/env.ts.

/** The Worker's bindings; every setting is a string, as wrangler hands `vars` and secrets over (worker/README.md). */
export interface MachinesCardBindings {
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
  CHAIN_ENTRY_POINTS?: string;
  CHAIN_LOGS_MAX_BLOCKS?: string;
  CHAIN_CONTRACTS?: string;
  /** The collateral's token (defaults on Base and Base Sepolia). */
  COLLATERAL_TOKEN_ADDRESS?: string;
  /** The controllers/coordinators a withdrawal may be sent to (comma-separated). */
  WITHDRAWAL_CALL_TARGETS?: string;
  /** Sandbox only: the test token whose public mint the widget's "add test funds" calls (rUSD on Base Sepolia). */
  TEST_FUNDS_TOKEN_ADDRESS?: string;
  ALLOWED_ORIGINS?: string;
  SESSION_TTL_SECONDS?: string;
  KYC_SCOPES?: string;
  CARD_SCOPES?: string;
  DATA_ENCRYPTION_KEY?: string;
  SANDBOX_URL?: string;
  REVEAL_TICKET_SECONDS?: string;
  PREFLIGHT_TOKEN?: string;
  REVEAL_RATE_LIMIT?: RateLimit;
  KYC_SUBMIT_RATE_LIMIT?: RateLimit;
  WITHDRAWAL_CREATE_RATE_LIMIT?: RateLimit;
}

export interface MachinesCardWorkerOptions<E> {
  /** The Worker's bindings from the host Worker's env (called once per env object). */
  bindings?: (env: E) => MachinesCardBindings;
  /** The path the host mounts the Worker under (e.g. `/card`); stripped before routing. */
  basePath?: string;
}

export interface MachinesCardWorker<E> {
  fetch(request: Request, env: E, ctx: ExecutionContext): Response | Promise<Response>;
  scheduled(controller: ScheduledController, env: E, ctx: ExecutionContext): void;
}

/** The Worker for a partner who mounts it inside their own Worker. */
export function createMachinesCardWorker<E extends object = MachinesCardBindings>(
  options?: MachinesCardWorkerOptions<E>,
): MachinesCardWorker<E>;

/** The Worker itself: `export { default } from "@machines-card/worker"` in the partner's entry. */
declare const worker: MachinesCardWorker<MachinesCardBindings>;
export default worker;
