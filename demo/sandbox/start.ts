/**
 * The whole offline sandbox in one Node process: a local anvil chain with the withdrawal contracts and
 * the ERC-4337 EntryPoint, a real bundler (alto, a child process) in front of it, the Machines partner
 * API simulator, the development identity issuer, the Crossmint wallets API stand-in (smart-account
 * wallets), the sandbox wallet signer and the tester's controls, behind one HTTP server.
 *
 *   /partner/v1/*              Machines partner API simulator   (Worker: MACHINES_API_BASE)
 *   /identity/*                identity issuer and its JWKS     (Worker: CROSSMINT_JWKS_URL, CROSSMINT_ISSUER)
 *   /crossmint/api/2025-06-09  Crossmint wallets API stand-in   (Worker: CROSSMINT_API_BASE)
 *   /sandbox/wallet            custodial signer behind the widget's sandbox wallet (user operations)
 *   /sandbox/bundler           bundling control: hold operations, then put them in one bundle
 *   /sandbox/*                 controls: KYC decisions, deposits, faucet, purchases, faults, settings
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { startAnvil } from "../chain/anvil";
import { type BundlerNode, startBundler } from "../chain/bundler";
import { createSandboxChain, type SandboxChain } from "../chain/sandbox-chain";
import { createIdentityIssuer, type IdentityIssuer } from "../identity";
import { fileIdentityStore } from "../identity/file-state";
import { createMachinesSimulator, type MachinesSimulator, type MachinesSimulatorOptions } from "../upstream";
import { createSandboxSigner, createWalletsStandIn } from "../wallets";
import { fileWalletsStore } from "../wallets/file-state";
import { bundlerControls } from "./bundler-controls";
import { SANDBOX_DEFAULTS } from "./defaults";
import { sandboxStateFiles } from "./state-files";

export interface SandboxOptions {
  /** HTTP port (default 8788; 0 = a free port). */
  port?: number;
  /** anvil's port (default 8545; 0 = a free port). */
  anvilPort?: number;
  partnerKey?: string;
  crossmintServerKey?: string;
  /** Keep chain, users, wallets and sign-ins here so the next start resumes; memory only without it. */
  stateDir?: string;
  /** Simulator settings (withdrawal delay, encodings, default contract version, faults…). */
  simulator?: Omit<MachinesSimulatorOptions, "chain" | "partnerKey" | "publicBaseUrl" | "state">;
  /** Where sandbox messages go (sign-in codes among them); default the console. `null` silences them. */
  logger?: ((line: string) => void) | null;
  /**
   * Start the ERC-4337 bundler (default true). Without it the wallets still sign but cannot send: for
   * test sandboxes that never send a transaction (it saves a few seconds and ~250 MB per sandbox).
   */
  bundler?: boolean;
}

export interface RunningSandbox {
  url: string;
  partnerApiUrl: string;
  identity: { issuer: string; audience: string; jwksUrl: string };
  crossmintApiBase: string;
  signerUrl: string;
  controlsUrl: string;
  rpcUrl: string;
  /** The ERC-4337 bundler's JSON-RPC endpoint; null when started without one. */
  bundlerUrl: string | null;
  chainId: number;
  partnerKey: string;
  crossmintServerKey: string;
  chain: SandboxChain;
  identityIssuer: IdentityIssuer;
  simulator: MachinesSimulator;
  stop(): Promise<void>;
}

/**
 * @example
 * const sandbox = await startSandbox({ port: 0, anvilPort: 0, logger: null });
 * // … point the Worker at sandbox.partnerApiUrl, sandbox.identity.jwksUrl, sandbox.crossmintApiBase …
 * await sandbox.stop();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const log = options.logger === null ? () => {} : (options.logger ?? ((line: string) => console.info(line)));
  const partnerKey = options.partnerKey ?? SANDBOX_DEFAULTS.partnerKey;
  const crossmintServerKey = options.crossmintServerKey ?? SANDBOX_DEFAULTS.crossmintServerKey;
  const stateDir = options.stateDir;
  if (stateDir) mkdirSync(stateDir, { recursive: true });
  const files = stateDir ? sandboxStateFiles(stateDir) : null;

  // Listen first: the issuer and the simulator's links need the real URL (port 0 picks one).
  let handle: (req: Request) => Response | Promise<Response> = () =>
    Response.json({ ok: false, data: null, summary: "sandbox starting", errors: [{ code: "starting", message: "sandbox starting" }] }, { status: 503 });
  const server = serve({ fetch: (req) => handle(req), port: options.port ?? SANDBOX_DEFAULTS.port, hostname: SANDBOX_DEFAULTS.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", (error) => reject(new Error(`sandbox could not listen on port ${options.port ?? SANDBOX_DEFAULTS.port}: ${String(error)}`)));
  });
  const url = `http://${SANDBOX_DEFAULTS.host}:${(server.address() as AddressInfo).port}`;
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));

  const anvil = await startAnvil({
    port: options.anvilPort ?? SANDBOX_DEFAULTS.anvilPort,
    chainId: SANDBOX_DEFAULTS.chainId,
  }).catch(async (error: unknown) => {
    await closeServer();
    throw error;
  });

  let bundler: BundlerNode | null = null;
  try {
    const saved = await files?.deployment.load().catch(() => undefined);
    const stale = Boolean(saved && !saved.entryPointAddress);
    if (stale) {
      // Saved by a sandbox from before smart-account wallets: its wallets were EOAs. Start clean.
      log(`sandbox: the state in ${stateDir} is from an older sandbox (EOA wallets); starting fresh. Run with --fresh to clear it (npm run dev -- --fresh also clears the Worker's D1).`);
    } else {
      await files?.chain.load(anvil.rpcUrl).catch(() => log("sandbox: previous chain state unreadable, starting a fresh chain"));
    }
    const chain = await createSandboxChain({ rpcUrl: anvil.rpcUrl, deployment: saved?.entryPointAddress ? saved : undefined });
    await files?.deployment.save(chain.deployment);
    if (options.bundler !== false) bundler = await startBundler({ rpcUrl: anvil.rpcUrl, entryPoint: chain.entryPointAddress });

    const identity = await createIdentityIssuer({
      issuer: `${url}/identity`,
      audience: SANDBOX_DEFAULTS.audience,
      store: stateDir ? fileIdentityStore(stateDir) : undefined,
      logger: log,
    });
    const crossmint = await createWalletsStandIn({
      chain,
      apiKey: crossmintServerKey,
      userIdForEmail: identity.userIdForEmail,
      store: stateDir ? fileWalletsStore(stateDir) : undefined,
    });
    const signer = createSandboxSigner({ wallets: crossmint.wallets, verifyToken: identity.verifyToken, chain, bundler });
    const simulator = createMachinesSimulator({
      ...options.simulator,
      chain,
      partnerKey,
      publicBaseUrl: url,
      state: stale ? undefined : await files?.simulator.load().catch(() => undefined),
      logger: options.logger === null ? { info() {}, warn() {}, error() {} } : undefined,
    });

    const app = new Hono({ strict: false })
      .get("/healthz", (c) => c.json({ ok: true, sandbox: true, chainId: chain.chainId }))
      .route("/identity", identity.app)
      .route("/crossmint", crossmint.app)
      .route("/sandbox/wallet", signer.app)
      .route("/sandbox/bundler", bundlerControls(bundler, chain.entryPointAddress))
      .route("/partner/v1", simulator.api)
      .route("/sandbox", simulator.controls);
    handle = (req) => app.fetch(req);

    const save = async () => {
      if (!files) return;
      await files.simulator.save(simulator.exportState());
      await files.chain.save(anvil.rpcUrl).catch(() => undefined);
    };
    const persist = files ? setInterval(() => void save(), 5000) : undefined;
    persist?.unref();

    let stopped = false;
    return {
      url,
      partnerApiUrl: `${url}/partner/v1`,
      identity: { issuer: identity.issuer, audience: identity.audience, jwksUrl: identity.jwksUrl },
      crossmintApiBase: `${url}/crossmint`,
      signerUrl: `${url}/sandbox/wallet`,
      controlsUrl: `${url}/sandbox`,
      rpcUrl: anvil.rpcUrl,
      bundlerUrl: bundler?.url ?? null,
      chainId: chain.chainId,
      partnerKey,
      crossmintServerKey,
      chain,
      identityIssuer: identity,
      simulator,
      async stop() {
        if (stopped) return;
        stopped = true;
        clearInterval(persist);
        await save();
        simulator.close();
        await closeServer();
        await bundler?.stop();
        await anvil.stop();
      },
    };
  } catch (error) {
    await closeServer();
    await bundler?.stop();
    await anvil.stop();
    throw error;
  }
}
