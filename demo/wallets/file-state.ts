import { jsonFileStore } from "../sandbox/json-file-store";
import type { WalletsState, WalletsStateStore } from "./wallets-state";

/** Keeps the wallets registry in `<dir>/wallets.json` (no keys in it; written atomically). Node only. */
export function fileWalletsStore(dir: string): WalletsStateStore {
  return jsonFileStore<WalletsState>(dir, "wallets.json");
}
