/// <reference path="./provided-context.d.ts" />
import type { TestProject } from "vitest/node";
import { startMachinesProxy } from "./machines-proxy";
import { startRpcProxy } from "./rpc-proxy";
import { startTestSandbox, type TestSandbox } from "./test-sandbox";
import { TEST_CROSSMINT_SERVER_KEY, TEST_PARTNER_KEY } from "./test-keys";


/**
 * Starts the sandboxes for the Worker tests (Node side) and provides their URLs, keys and tokens:
 * `sandbox` for everything; one more per fault-injection test file (`faultSandbox` for the core routes,
 * `withdrawalsFaultSandbox` for the withdrawal routes), because fault rules are global to a sandbox and
 * must not reach tests running in parallel in other files.
 */
export default async function setup(project: TestProject) {
  const options = { partnerKey: TEST_PARTNER_KEY, crossmintServerKey: TEST_CROSSMINT_SERVER_KEY };
  // Only the main sandbox's wallets send transactions (user operations): the fault sandboxes test
  // Machines' faults and run without a bundler, which saves two bundler start-ups (~3 s and ~250 MB each).
  const [sandbox, faultSandbox, withdrawalsFaultSandbox] = await Promise.all([
    startTestSandbox(options),
    startTestSandbox({ ...options, bundler: false }),
    startTestSandbox({ ...options, bundler: false }),
  ]);
  const info = ({ stop: _stop, ...rest }: TestSandbox) => rest;
  project.provide("sandbox", info(sandbox));
  project.provide("faultSandbox", info(faultSandbox));
  project.provide("withdrawalsFaultSandbox", info(withdrawalsFaultSandbox));
  // The main sandbox's chain behind an RPC that refuses wide log ranges and fails reads of chosen hashes.
  const rpcProxy = await startRpcProxy(sandbox.rpcUrl);
  project.provide("rpcProxy", rpcProxy.url);
  // The main sandbox's Machines behind a proxy that rewrites what the Worker asks (machines-proxy.ts).
  const machinesProxy = await startMachinesProxy(sandbox.machinesApiBase);
  project.provide("machinesProxy", { url: machinesProxy.url, apiPath: new URL(sandbox.machinesApiBase).pathname });
  return async () => {
    await rpcProxy.stop();
    await machinesProxy.stop();
    await Promise.all([sandbox.stop(), faultSandbox.stop(), withdrawalsFaultSandbox.stop()]);
  };
}
