/**
 * The whole product on free ports, for tests that drive it from outside (widget tests, end-to-end
 * journeys, benchmarks): the sandbox (anvil + contracts, Machines simulator, identity issuer, wallets
 * stand-in, signer, controls) and the Worker under `wrangler dev` with a fresh, migrated local D1,
 * configured exactly as `npm run dev` configures it, except for the ports.
 */
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../demo/sandbox/start";
import { type RunningWorker, startWorker } from "../scripts/lib/wrangler-dev";

export interface StackOptions {
  /** Origins allowed to call the Worker (the page under test). */
  allowedOrigins?: string[];
  sandbox?: SandboxOptions;
  /** Extra Worker settings (override the stack's). */
  workerVars?: Record<string, string>;
  verbose?: boolean;
  /** Everything `wrangler dev` prints, the Worker's log lines included (for tests that inspect logs). */
  onWorkerOutput?: (text: string) => void;
}

export interface RunningStack {
  workerUrl: string;
  sandboxUrl: string;
  /** The identity issuer (the widget's sandbox auth talks to it). */
  identityUrl: string;
  signerUrl: string;
  controlsUrl: string;
  partnerApiUrl: string;
  rpcUrl: string;
  chainId: number;
  partnerKey: string;
  sandbox: RunningSandbox;
  worker: RunningWorker;
  stop(): Promise<void>;
}

/** A fixed, public test key: 32 bytes, base64 (the Worker seals partner session tokens with it). */
const TEST_DATA_ENCRYPTION_KEY = "c3RhY2stdGVzdC1kYXRhLWtleS0zMi1ieXRlcyEhISE=";

export function workerVarsFor(sandbox: RunningSandbox, allowedOrigins: string[]): Record<string, string> {
  return {
    ENVIRONMENT: "sandbox",
    MACHINES_API_BASE: sandbox.partnerApiUrl,
    MACHINES_PARTNER_KEY: sandbox.partnerKey,
    CROSSMINT_JWKS_URL: sandbox.identity.jwksUrl,
    CROSSMINT_ISSUER: sandbox.identity.issuer,
    CROSSMINT_AUDIENCE: sandbox.identity.audience,
    CROSSMINT_API_BASE: sandbox.crossmintApiBase,
    CROSSMINT_SERVER_KEY: sandbox.crossmintServerKey,
    CHAIN_RPC_URL: sandbox.rpcUrl,
    CHAIN_ID: String(sandbox.chainId),
    ALLOWED_ORIGINS: allowedOrigins.join(","),
    DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
    SANDBOX_URL: sandbox.url,
  };
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const sandbox = await startSandbox({ port: 0, anvilPort: 0, logger: options.verbose ? undefined : null, ...options.sandbox });
  let worker: RunningWorker;
  try {
    worker = await startWorker({
      vars: { ...workerVarsFor(sandbox, options.allowedOrigins ?? []), ...options.workerVars },
      verbose: options.verbose,
      onOutput: options.onWorkerOutput,
    });
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  return {
    workerUrl: worker.url,
    sandboxUrl: sandbox.url,
    identityUrl: sandbox.identity.issuer,
    signerUrl: sandbox.signerUrl,
    controlsUrl: sandbox.controlsUrl,
    partnerApiUrl: sandbox.partnerApiUrl,
    rpcUrl: sandbox.rpcUrl,
    chainId: sandbox.chainId,
    partnerKey: sandbox.partnerKey,
    sandbox,
    worker,
    async stop() {
      await worker.stop();
      await sandbox.stop();
    },
  };
}
