import type { PublicConfig } from "@machines-card/contract/api/config";
import type { AuthAdapter } from "./auth-adapter";

/**
 * The auth adapter the Worker's public config names. Each provider's code is a separate chunk,
 * loaded only here: the sandbox never loads Crossmint's SDK, production never loads the sandbox's.
 */
export async function createAuth(config: PublicConfig["auth"]): Promise<AuthAdapter> {
  if (config.provider === "sandbox") {
    const { createSandboxAuth } = await import("./sandbox-auth");
    return createSandboxAuth({ issuerUrl: config.issuerUrl });
  }
  const { createCrossmintAuth } = await import("./crossmint-auth");
  return createCrossmintAuth({ clientApiKey: config.clientApiKey });
}
