import { startDemoStack } from "../demo-stack";
import { chainFacts, fundPayer } from "./support/chain";

/**
 * Starts the whole product once for every journey: a fresh widget build, the sandbox (anvil + contracts,
 * Machines simulator, identity issuer, wallets stand-in), the Worker under `wrangler dev` with a migrated
 * local D1, and the demo site whose origin the Worker allows. Journeys read the URLs from the environment.
 */
export default async function globalSetup() {
  const demo = await startDemoStack({ rebuild: true });
  process.env.E2E_SITE_URL = demo.site.url;
  process.env.E2E_WORKER_URL = demo.stack.workerUrl;
  process.env.E2E_SANDBOX_URL = demo.stack.sandboxUrl;
  process.env.E2E_CONTROLS_URL = demo.stack.controlsUrl;
  process.env.E2E_IDENTITY_URL = demo.stack.identityUrl;
  process.env.E2E_RPC_URL = demo.stack.rpcUrl;
  process.env.E2E_CHAIN_ID = String(demo.stack.chainId);
  try {
    // The "other wallet" deposits are paid from, funded before any journey runs (see support/chain.ts).
    const { tokenAddress } = await chainFacts();
    await fundPayer(demo.stack.rpcUrl, demo.stack.chainId, tokenAddress, 1_000_000);
  } catch (error) {
    await demo.stop();
    throw error;
  }
  return async () => {
    await demo.stop();
  };
}
