import { objectStore } from "./indexed-db";
import { lowS, toHex } from "./p256-signature";

/**
 * Device signer keys for the Crossmint wallet (signer mode `device`), kept the way the sandbox keeps
 * them (device-key-store.ts): a non-extractable WebCrypto P-256 private key in IndexedDB on the
 * partner page's origin. It has the methods of the wallets SDK's `DeviceSignerKeyStorage` (1.1.0),
 * which the SDK takes as `options.deviceSignerKeyStorage` and calls only through those methods.
 *
 * Why not the SDK's `IframeDeviceSignerKeyStorage`: nothing in the SDK requires it (`createDeviceSigner`,
 * `recover()` and the device signer take any `DeviceSignerKeyStorage`), and it loads a hidden iframe from
 * Crossmint's host for every operation, one more origin the widget's CSP and the partner must allow, and
 * whose key handling the widget cannot test. Here the private key never leaves WebCrypto; clearing site
 * data removes it, after which the emailed code registers a new one.
 */
export interface CrossmintDeviceKeys {
  generateKey(params: { address?: string }): Promise<string>;
  mapAddressToKey(address: string, publicKeyBase64: string): Promise<void>;
  getKey(address: string): Promise<string | null>;
  hasKey(publicKeyBase64: string): Promise<boolean>;
  signMessage(address: string, message: string): Promise<{ r: string; s: string }>;
  deleteKey(address: string): Promise<void>;
  getDeviceName(): string;
}

interface StoredKey {
  /** The uncompressed public key (65 bytes, 0x04 ‖ x ‖ y), base64: the SDK's locator is `device:<this>`. */
  publicKey: string;
  privateKey: CryptoKey;
  /** The wallet address the key signs for, once known. */
  address?: string;
}

const DB = "machines-card-crossmint-device-keys";
const STORE = "keys";

export function crossmintDeviceKeys(deviceName = "machines-card device"): CrossmintDeviceKeys {
  const run = objectStore(DB, STORE, { keyPath: "publicKey" });
  const all = () => run<StoredKey[]>("readonly", (s) => s.getAll());
  const byAddress = async (address: string) => (await all()).find((k) => k.address?.toLowerCase() === address.toLowerCase()) ?? null;

  return {
    async generateKey({ address }) {
      const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
      const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)));
      // One key per wallet on this browser: a new one replaces the old.
      if (address) for (const old of await all()) if (old.address?.toLowerCase() === address.toLowerCase()) await run("readwrite", (s) => s.delete(old.publicKey));
      await run("readwrite", (s) => s.put({ publicKey, privateKey: pair.privateKey, ...(address && { address }) } satisfies StoredKey));
      return publicKey;
    },
    async mapAddressToKey(address, publicKey) {
      const key = await run<StoredKey | undefined>("readonly", (s) => s.get(publicKey));
      if (!key) throw new Error("no device key with that public key on this browser");
      await run("readwrite", (s) => s.put({ ...key, address }));
    },
    async getKey(address) {
      return (await byAddress(address))?.publicKey ?? null;
    },
    async hasKey(publicKey) {
      return (await run<StoredKey | undefined>("readonly", (s) => s.get(publicKey))) !== undefined;
    },
    /**
     * The SDK hands over the approval's message as hex (the hash Crossmint asks the signer to sign),
     * as it does to passkeys: the key signs those bytes with ECDSA over SHA-256.
     */
    async signMessage(address, message) {
      const key = await byAddress(address);
      if (!key) throw new Error("this browser has no device key for the wallet");
      const signature = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, fromMessage(message)));
      const r = BigInt(`0x${toHex(signature.slice(0, 32))}`);
      const s = lowS(BigInt(`0x${toHex(signature.slice(32))}`));
      return { r: `0x${r.toString(16).padStart(64, "0")}`, s: `0x${s.toString(16).padStart(64, "0")}` };
    },
    async deleteKey(address) {
      for (const key of await all()) if (key.address?.toLowerCase() === address.toLowerCase()) await run("readwrite", (s) => s.delete(key.publicKey));
    },
    getDeviceName: () => deviceName,
  };
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
/** A `0x` hex message as its bytes; any other string as UTF-8. */
function fromMessage(message: string): Uint8Array<ArrayBuffer> {
  if (/^0x(?:[0-9a-fA-F]{2})*$/.test(message)) return Uint8Array.from((message.slice(2).match(/../g) ?? []).map((h) => parseInt(h, 16)));
  return new TextEncoder().encode(message);
}
