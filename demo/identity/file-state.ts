import { jsonFileStore } from "../sandbox/json-file-store";
import type { IdentityState, IdentityStateStore } from "./identity-state";

/**
 * Keeps the issuer's state in `<dir>/identity.json` (owner-only, written atomically), so a restarted
 * sandbox still accepts the tokens and refresh tokens it issued. Node only.
 */
export function fileIdentityStore(dir: string): IdentityStateStore {
  return jsonFileStore<IdentityState>(dir, "identity.json");
}
