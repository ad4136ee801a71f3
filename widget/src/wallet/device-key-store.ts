import { objectStore } from "./indexed-db";

/** A device signer's key as this browser keeps it: the private key is a non-extractable WebCrypto P-256 key. */
export interface DeviceKey {
  /** The signer's id at the wallet (`device:…`). */
  id: string;
  name: string;
  privateKey: CryptoKey;
}

export interface DeviceKeyStore {
  get(user: string): Promise<DeviceKey | null>;
  put(user: string, key: DeviceKey): Promise<void>;
  remove(user: string): Promise<void>;
}

const DB = "machines-card-device-signer";
const STORE = "keys";

/**
 * Device keys in IndexedDB, one per signed-in user on this origin. IndexedDB stores the CryptoKey
 * object itself (structured clone), so the private key is never exported; clearing site data removes it,
 * after which the email code takes over again.
 */
export function deviceKeyStore(): DeviceKeyStore {
  const run = objectStore(DB, STORE);
  return {
    get: async (user) => (await run<DeviceKey | undefined>("readonly", (s) => s.get(user))) ?? null,
    put: async (user, key) => void (await run("readwrite", (s) => s.put(key, user))),
    remove: async (user) => void (await run("readwrite", (s) => s.delete(user))),
  };
}
