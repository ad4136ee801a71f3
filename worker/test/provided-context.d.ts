// Values the Worker tests' global setup provides (URLs, keys and tokens of the sandboxes it starts).
import type { SandboxInfo } from "./sandbox-info";

export type ProvidedSandbox = SandboxInfo;

declare module "vitest" {
  interface ProvidedContext {
    sandbox: SandboxInfo;
    faultSandbox: SandboxInfo;
    withdrawalsFaultSandbox: SandboxInfo;
    /** `rpc-proxy.ts` in front of the main sandbox's anvil: `<url>/max-range/<n>/fail/<hash,…>`. */
    rpcProxy: string;
    /** `machines-proxy.ts` in front of the main sandbox's Machines: `<url>/amount-times/<n>/destination/<address><apiPath>`. */
    machinesProxy: { url: string; apiPath: string };
  }
}
