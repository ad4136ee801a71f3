import { DEFAULT_PARTNER_KEY } from "../upstream";

/**
 * The sandbox's documented defaults. Every one is public and worthless outside this machine; each can
 * be overridden by an environment variable of `npm run sandbox` / `npm run dev`.
 */
export const SANDBOX_DEFAULTS = {
  host: "127.0.0.1",
  /** SANDBOX_PORT */
  port: 8788,
  /** SANDBOX_ANVIL_PORT */
  anvilPort: 8545,
  chainId: 31337,
  /** SANDBOX_PARTNER_KEY: what the Worker sends as X-Partner-Key. */
  partnerKey: DEFAULT_PARTNER_KEY,
  /** SANDBOX_CROSSMINT_SERVER_KEY: what the Worker sends as X-API-KEY to the wallets stand-in. */
  crossmintServerKey: "sk_sandbox_crossmint_server_key",
  /** The audience of the identity issuer's tokens (the Worker's CROSSMINT_AUDIENCE). */
  audience: "machines-card-sandbox",
} as const;
