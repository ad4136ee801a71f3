import type { RefreshSessionRecord } from "./refresh-sessions";
import type { StoredSigningKey } from "./signing-key";

/** What the issuer keeps across restarts: its signing key and the live refresh sessions. */
export interface IdentityState {
  signingKey?: StoredSigningKey;
  refreshSessions?: RefreshSessionRecord[];
}

/**
 * Where the issuer keeps its state. The issuer itself uses only Web APIs (so it also runs in
 * workerd); the file-backed store for the Node sandbox is in `file-state.ts`.
 */
export interface IdentityStateStore {
  load(): Promise<IdentityState | undefined>;
  save(state: IdentityState): Promise<void>;
}
