import { createTestTokens } from "../../demo/identity";
import { startSandbox } from "../../demo/sandbox/start";
import type { SandboxInfo } from "./sandbox-info";

/** A running sandbox: what tests get (`SandboxInfo`), and how to stop it. */
export interface TestSandbox extends SandboxInfo {
  stop(): Promise<void>;
}

export interface TestSandboxOptions {
  partnerKey: string;
  crossmintServerKey: string;
  /** Start the ERC-4337 bundler (default true); sandboxes whose wallets never send do without it. */
  bundler?: boolean;
}

/**
 * The whole sandbox (`startSandbox`: anvil with the withdrawal contracts, Machines simulator, identity
 * issuer, Crossmint wallets stand-in, signer and controls) on free ports, in memory, silent; plus tokens
 * that must be refused, minted with the issuer's own key (each wrong in exactly one way).
 */
export async function startTestSandbox(options: TestSandboxOptions): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, anvilPort: 0, logger: null, ...options });
  const email = "token-matrix@example.com";
  const make = createTestTokens(sandbox.identityIssuer);
  const u = { email };
  const tokens = {
    valid: await make.valid(u),
    expired: await make.expired(u),
    wrongAudience: await make.wrongAudience(u),
    wrongIssuer: await make.wrongIssuer(u),
    unknownKey: await make.unknownKey(u),
    unknownKid: await make.unknownKid(u),
    missingKid: await make.missingKid(u),
    tampered: await make.tamperedPayload(u),
    unsigned: await make.unsigned(u),
  };
  return {
    url: sandbox.url,
    machinesApiBase: sandbox.partnerApiUrl,
    identityIssuer: sandbox.identity.issuer,
    identityAudience: sandbox.identity.audience,
    jwksUrl: sandbox.identity.jwksUrl,
    crossmintApiBase: sandbox.crossmintApiBase,
    rpcUrl: sandbox.rpcUrl,
    bundlerUrl: sandbox.bundlerUrl,
    chainId: sandbox.chainId,
    partnerKey: sandbox.partnerKey,
    crossmintServerKey: sandbox.crossmintServerKey,
    tokens,
    tokenEmail: email,
    stop: () => sandbox.stop(),
  };
}
