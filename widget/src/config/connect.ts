import { configRoutes, type PublicConfig } from "@machines-card/contract/api/config";
import { meRoutes, type Bootstrap } from "@machines-card/contract/api/me";
import { ApiError } from "../api/api-error";
import { createWorkerClient, type WorkerClient } from "../api/client";
import type { AuthAdapter, AuthUser } from "../auth/auth-adapter";
import { createAuth } from "../auth/create-auth";
import type { Eip1193Provider } from "../wallet/eip1193-provider";
import { createWallet } from "../wallet/create-wallet";
import type { WalletAdapter } from "../wallet/wallet-adapter";
import { versionProblem } from "./compatibility";
import { readPublicConfig } from "./public-config";
import type { ConfigProblem } from "./config-problem";
import type { Settings } from "./settings";

/** The element's live link to its Worker: config, client, sign-in and wallet. */
export interface Connection {
  config: PublicConfig;
  client: WorkerClient;
  auth: AuthAdapter;
  wallet(): Promise<WalletAdapter>;
  /** The signed-in user's bootstrap (who, KYC, agreements, balances, where to resume). */
  bootstrap(signal?: AbortSignal): Promise<Bootstrap>;
  /** An earlier session, restored after a reload, or null. */
  restore(): Promise<AuthUser | null>;
}

/** Connected, with setup warnings only the Worker could reveal (a different major version); or refused. */
export type ConnectResult = { ok: true; connection: Connection; warnings: ConfigProblem[] } | { ok: false; problem: ConfigProblem };

export interface ConnectOptions {
  /** The EIP-1193 provider the page set on the element (read when the wallet is first used). */
  provider: () => Eip1193Provider | undefined;
  /** Called when the session could not be renewed after a 401 (the element signs the user out). */
  onSessionEnded: () => void;
  signal?: AbortSignal;
}

/**
 * Reaches the Worker (`GET /v1/config`) and checks what only it can tell: that it answers, that it is a
 * machines-card Worker, that it accepts this page's origin, and that it runs in the environment the
 * page expects; and warns (without stopping) when the Worker's major version differs from the widget's.
 * It loads with `flow/session-moves.ts`, right after the element first renders.
 */
export async function connect(settings: Settings & { apiBase: string }, o: ConnectOptions): Promise<ConnectResult> {
  const apiBase = settings.apiBase;
  const origin = location.origin;
  let auth: AuthAdapter | undefined;
  const client = createWorkerClient({
    baseUrl: apiBase,
    token: async () => (auth ? auth.token() : null),
    renewToken: async () => {
      const token = auth ? await auth.renew().catch(() => null) : null;
      if (!token) o.onSessionEnded();
      return token;
    },
  });

  let config: PublicConfig;
  try {
    const read = readPublicConfig(await client.call(configRoutes.getConfig, { signal: o.signal }));
    // A reply that is not a machines-card Worker's is an invalid response like any other (below).
    if (!read.ok) {
      throw new ApiError({ code: "invalid_response", message: `the config's ${read.field} is not what a machines-card Worker sends`, field: read.field, status: 200 });
    }
    config = read.config;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "network_error" || error.code === "timeout") {
      return { ok: false, problem: { key: "worker_unreachable", attribute: "api-base", vars: { apiBase, origin }, fatal: true } };
    }
    const detail = error.code === "invalid_response" ? `HTTP ${error.status}, ${error.message}` : `HTTP ${error.status} ${error.code}`;
    return { ok: false, problem: { key: "worker_invalid", attribute: "api-base", vars: { apiBase, detail }, fatal: true } };
  }
  if (!config.originAllowed) {
    return { ok: false, problem: { key: "origin_not_allowed", attribute: "api-base", vars: { apiBase, origin }, fatal: true } };
  }
  if (settings.environment && settings.environment !== config.environment) {
    return {
      ok: false,
      problem: {
        key: "environment_mismatch",
        attribute: "environment",
        vars: { apiBase, expected: settings.environment, actual: config.environment },
        fatal: true,
      },
    };
  }

  auth = await createAuth(config.auth);
  const signedIn = auth;
  // One wallet per provider: the page may set or replace its EIP-1193 provider at any time.
  let wallet: { provider: Eip1193Provider | undefined; adapter: Promise<WalletAdapter> } | undefined;
  const connection: Connection = {
    config,
    client,
    auth: signedIn,
    wallet() {
      const provider = o.provider();
      if (!wallet || wallet.provider !== provider) {
        const adapter = createWallet({ config, provider, token: () => signedIn.token() });
        wallet = { provider, adapter };
        adapter.catch(() => (wallet = undefined)); // A failed load (offline) may succeed next time.
      }
      return wallet.adapter;
    },
    bootstrap: (signal) => client.call(meRoutes.getMe, { signal }),
    restore: () => signedIn.restore().catch(() => null),
  };
  const version = versionProblem(config.version, apiBase);
  return { ok: true, connection, warnings: version ? [version] : [] };
}
