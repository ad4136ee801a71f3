/**
 * What the Worker tests know about a sandbox the global setup started (Node side), as `inject("sandbox")`
 * hands it to tests inside workerd. Types only: the Node-side code lives in test-sandbox.ts.
 */
export interface SandboxInfo {
  url: string;
  machinesApiBase: string;
  identityIssuer: string;
  identityAudience: string;
  jwksUrl: string;
  crossmintApiBase: string;
  /** The sandbox's anvil. */
  rpcUrl: string;
  /** Its ERC-4337 bundler (null for the fault sandboxes, whose wallets never send). */
  bundlerUrl: string | null;
  chainId: number;
  partnerKey: string;
  crossmintServerKey: string;
  /** Tokens that must be refused, minted with the issuer's own key (each wrong in one way), plus a valid control. */
  tokens: Record<
    "valid" | "expired" | "wrongAudience" | "wrongIssuer" | "unknownKey" | "unknownKid" | "missingKid" | "tampered" | "unsigned",
    string
  >;
  tokenEmail: string;
}
