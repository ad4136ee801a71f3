/**
 * `npm run sandbox`: the offline stand-ins for Machines, Crossmint and the chain, on one port.
 * `npm run sandbox -- --fresh` forgets the previous run's state (`.sandbox/`) first.
 */
import { rmSync } from "node:fs";
import { simulatorOptionsFromEnv } from "../upstream";
import { SANDBOX_DEFAULTS } from "./defaults";
import { startSandbox } from "./start";

const env = process.env;
const fresh = process.argv.includes("--fresh");
const stateDir = env.SANDBOX_STATE_DIR || ".sandbox";
if (fresh) rmSync(stateDir, { recursive: true, force: true });

const port = (name: string, fallback: number) => {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    console.error(`${name} must be a port number (0-65535), got "${value}"`);
    process.exit(2);
  }
  return Number(value);
};

const { partnerKey, ...simulator } = simulatorOptionsFromEnv(env);
const sandbox = await startSandbox({
  port: port("SANDBOX_PORT", SANDBOX_DEFAULTS.port),
  anvilPort: port("SANDBOX_ANVIL_PORT", SANDBOX_DEFAULTS.anvilPort),
  partnerKey,
  crossmintServerKey: env.SANDBOX_CROSSMINT_SERVER_KEY || undefined,
  stateDir,
  simulator,
});

console.info(`
machines-card sandbox (offline stand-ins; state in ${stateDir}/${fresh ? ", started fresh" : ""})
  Machines partner API   ${sandbox.partnerApiUrl}    X-Partner-Key: ${sandbox.partnerKey}
  identity issuer        ${sandbox.identity.issuer}      JWKS: ${sandbox.identity.jwksUrl}
  Crossmint wallets API  ${sandbox.crossmintApiBase}     X-API-KEY: ${sandbox.crossmintServerKey}
  sandbox wallet signer  ${sandbox.signerUrl}
  controls               ${sandbox.controlsUrl}
  local chain (anvil)    ${sandbox.rpcUrl}    chain id ${sandbox.chainId}
  ERC-4337 bundler       ${sandbox.bundlerUrl}    EntryPoint ${sandbox.chain.entryPointAddress} (hold/flush: ${sandbox.controlsUrl}/bundler)
Sign-in codes are printed here. Ctrl-C stops everything.
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sandbox.stop().then(() => process.exit(0));
  });
}
