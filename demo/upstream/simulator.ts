import { Hono } from "hono";
import { type SimulatorContext, SingleFlight } from "./context";
import { createControlsApp } from "./controls/controls";
import { createSecrets } from "./crypto/secrets";
import { createSessionTokens } from "./crypto/session-token";
import { watchCollaterals } from "./domain/chain-watcher";
import { settle } from "./domain/settle";
import { FaultBook, injectFaults } from "./http/faults";
import { openResponses } from "./http/open-responses";
import { errorResponse, notFoundResponse } from "./http/reply";
import {
  consoleLogger,
  DEFAULT_PARTNER_KEY,
  DEFAULT_PUBLIC_BASE_URL,
  DEFAULT_SESSION_SECRET,
  DEFAULT_SETTINGS,
  type MachinesSimulatorOptions,
  type SimulatorSettings,
} from "./options";
import { agreementRoutes } from "./routes/agreements";
import { balanceRoutes } from "./routes/balances";
import { cardSecretRoutes } from "./routes/card-secrets";
import { cardRoutes } from "./routes/cards";
import { depositRoutes } from "./routes/deposits";
import { encryptionRoutes } from "./routes/encryption";
import { kycRoutes } from "./routes/kyc";
import { sessionRoutes } from "./routes/sessions";
import { transactionRoutes } from "./routes/transactions";
import { userRoutes } from "./routes/users";
import { withdrawalRoutes } from "./routes/withdrawals";
import { emptyState, type SimulatorState } from "./state/records";
import { Store } from "./state/store";

export interface MachinesSimulator {
  /** The partner API; mount it at `/partner/v1`. */
  api: Hono;
  /** The sandbox controls and the hosted KYC page; mount them at `/sandbox`. */
  controls: Hono;
  /** The live settings (also changeable through `PATCH /sandbox/settings`). */
  settings: SimulatorSettings;
  /** The live fault rules (also changeable through `/sandbox/faults`). */
  faults: FaultBook;
  /** Everything the simulator remembers, as JSON-safe data. */
  exportState(): SimulatorState;
  /** Replaces the state with an earlier export (and resumes watching the chain after its last block). */
  importState(state: SimulatorState): void;
  /** Stops watching the chain. */
  close(): void;
}

/**
 * The Machines partner API simulator: the offline stand-in for `https://dev-api.machines.cash/partner/v1`.
 * Web APIs only (WebCrypto, fetch), so it runs in Node and inside workerd.
 *
 * @example
 * const simulator = createMachinesSimulator({ chain });
 * const app = new Hono().route("/partner/v1", simulator.api).route("/sandbox", simulator.controls);
 */
export function createMachinesSimulator(options: MachinesSimulatorOptions = {}): MachinesSimulator {
  const secrets = createSecrets(options.sessionSecret ?? DEFAULT_SESSION_SECRET);
  const settings: SimulatorSettings = { ...DEFAULT_SETTINGS };
  for (const name of Object.keys(DEFAULT_SETTINGS) as (keyof SimulatorSettings)[]) {
    if (options[name] !== undefined) Object.assign(settings, { [name]: options[name] });
  }
  const faults = new FaultBook();
  for (const rule of options.faults ?? []) faults.add(rule);

  const ctx: SimulatorContext = {
    store: new Store(),
    settings,
    chain: options.chain ?? null,
    secrets,
    tokens: createSessionTokens(secrets),
    partnerKey: options.partnerKey ?? DEFAULT_PARTNER_KEY,
    publicBaseUrl: (options.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, ""),
    faults,
    singleFlight: new SingleFlight(),
    now: options.now ?? Date.now,
    log: options.logger ?? consoleLogger,
  };
  if (options.state) ctx.store.replace(options.state);

  const api = new Hono();
  api.use("*", injectFaults(faults));
  api.use("*", openResponses());
  api.use("*", async (c, next) => {
    const started = Date.now();
    c.header("X-Machines-Sandbox", "true");
    settle(ctx);
    await next();
    ctx.log.info("request", { method: c.req.method, path: c.req.path, status: c.res.status, ms: Date.now() - started });
  });
  for (const routes of [
    sessionRoutes,
    userRoutes,
    kycRoutes,
    agreementRoutes,
    cardSecretRoutes,
    cardRoutes,
    encryptionRoutes,
    balanceRoutes,
    transactionRoutes,
    depositRoutes,
    withdrawalRoutes,
  ]) {
    api.route("/", routes(ctx));
  }
  // A catch-all route rather than only `notFound`, so the JSON 404 survives mounting with `app.route()`.
  api.all("*", notFoundResponse);
  api.notFound(notFoundResponse);
  api.onError((error, c) => errorResponse(c, error, ctx.log));

  let stopWatching = watchCollaterals(ctx);
  const restartWatch = () => {
    stopWatching();
    stopWatching = watchCollaterals(ctx);
  };
  const controls = createControlsApp(ctx, () => {
    ctx.store.replace(emptyState());
  });

  return {
    api,
    controls,
    settings,
    faults,
    exportState: () => ctx.store.snapshot(),
    importState(state) {
      ctx.store.replace(state);
      restartWatch();
    },
    close: () => stopWatching(),
  };
}

/** One app serving the simulator where the Worker and the KYC links expect it: `/partner/v1` and `/sandbox`. */
export function createMachinesSandboxApp(simulator: Pick<MachinesSimulator, "api" | "controls">): Hono {
  return new Hono().route("/partner/v1", simulator.api).route("/sandbox", simulator.controls);
}
