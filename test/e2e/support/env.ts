/**
 * Where the running product is (set by global-setup.ts): the demo site a person opens, and the sandbox
 * services that stand in for what a person has outside the page (their inbox, another wallet).
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the journeys through playwright.config.ts (its global setup starts the product)`);
  return value;
}

export const e2e = {
  siteUrl: () => required("E2E_SITE_URL"),
  /** The dark, Spanish page with five steps and the event log. */
  secondPageUrl: () => new URL("/second.html", required("E2E_SITE_URL")).href,
  workerUrl: () => required("E2E_WORKER_URL"),
  sandboxUrl: () => required("E2E_SANDBOX_URL"),
  controlsUrl: () => required("E2E_CONTROLS_URL"),
  identityUrl: () => required("E2E_IDENTITY_URL"),
  rpcUrl: () => required("E2E_RPC_URL"),
  chainId: () => Number(required("E2E_CHAIN_ID")),
};

let counter = 0;
/** A new person for every journey: nothing is shared between runs or tests unless a file says so. */
export function newEmail(purpose: string): string {
  return `e2e-${purpose}-${Date.now().toString(36)}-${(++counter).toString(36)}@example.com`;
}
