import type { Settings } from "../settings/settings";
import type { CrossmintTransport } from "./crossmint/wallets-request";
import type { MachinesTransport } from "./machines/transport";

/** How to reach Machines with these settings (the credential is chosen per call). */
export function machinesTransport(settings: Settings, requestId?: string): MachinesTransport {
  return { apiBase: settings.machines.apiBase, timeoutMs: settings.machines.timeoutMs, requestId };
}

/** How to reach the Crossmint wallets API with these settings. */
export function crossmintTransport(settings: Settings, requestId?: string): CrossmintTransport {
  return {
    apiBase: settings.crossmint.apiBase,
    serverKey: settings.crossmint.serverKey,
    timeoutMs: settings.machines.timeoutMs,
    requestId,
  };
}
