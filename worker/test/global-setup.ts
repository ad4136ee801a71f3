/// <reference path="./provided-context.d.ts" />
import type { TestProject } from "vitest/node";
import { startTestSandbox } from "./test-sandbox";

/**
 * The partner key the Worker tests run with: distinctive, so the leak test can search every reply
 * and every D1 row for it.
 */
export const TEST_PARTNER_KEY = "sk_sandbox_LEAKCANARY_7f3c9a1e5b2d4086";
export const TEST_CROSSMINT_SERVER_KEY = "sk_crossmint_LEAKCANARY_0d6e2b8f41a7";

/**
 * Starts two sandboxes for the Worker tests (Node side) and provides their URLs and keys: `sandbox`
 * for everything, `faultSandbox` for the fault-injection tests (fault rules are global to a sandbox,
 * so they must not leak into tests running in parallel).
 */
export default async function setup(project: TestProject) {
  const [sandbox, faultSandbox] = await Promise.all([
    startTestSandbox({ partnerKey: TEST_PARTNER_KEY, crossmintServerKey: TEST_CROSSMINT_SERVER_KEY }),
    startTestSandbox({ partnerKey: TEST_PARTNER_KEY, crossmintServerKey: TEST_CROSSMINT_SERVER_KEY }),
  ]);
  const { stop: _stop, ...provided } = sandbox;
  const { stop: _stopFaults, ...providedFaults } = faultSandbox;
  project.provide("sandbox", provided);
  project.provide("faultSandbox", providedFaults);
  return async () => {
    await Promise.all([sandbox.stop(), faultSandbox.stop()]);
  };
}
