import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";
import type { Bindings } from "../../src/env";
import type { SandboxInfo } from "../sandbox-info";

/**
 * A fetcher for the Worker with some bindings changed (a broken setting, the fault sandbox as upstream).
 * The same code runs; settings are parsed per bindings object, so the change takes effect at once.
 *
 * @example
 * const reply = await call("getMe", { token, fetcher: workerWith({ MACHINES_API_BASE: faultSandbox().machinesApiBase }) });
 */
export function workerWith(overrides: Partial<Record<keyof Bindings, string | undefined>>): (request: Request) => Promise<Response> {
  const bindings = { ...env, ...overrides } as typeof env;
  return async (request) => {
    const ctx = createExecutionContext();
    const res = await worker.fetch(request, bindings, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  };
}

/** The bindings that point the Worker at another sandbox (a fault-injection one) for every upstream and the chain. */
export function upstreamBindings(s: SandboxInfo): Partial<Record<keyof Bindings, string>> {
  return {
    MACHINES_API_BASE: s.machinesApiBase,
    CROSSMINT_API_BASE: s.crossmintApiBase,
    CROSSMINT_JWKS_URL: s.jwksUrl,
    CROSSMINT_ISSUER: s.identityIssuer,
    CROSSMINT_AUDIENCE: s.identityAudience,
    SANDBOX_URL: s.url,
    CHAIN_RPC_URL: s.rpcUrl,
    CHAIN_ID: String(s.chainId),
  };
}

/** The Worker with another sandbox (a fault-injection one) as every upstream: Machines, identity, wallets. */
export function workerFor(s: SandboxInfo): (request: Request) => Promise<Response> {
  return workerWith(upstreamBindings(s));
}
