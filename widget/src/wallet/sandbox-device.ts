import { deviceKeyStore, type DeviceKeyStore } from "./device-key-store";
import type { Grant, SignerCall } from "./sandbox-approvals";
import type { DeviceSignerControl } from "./wallet-adapter";

/**
 * The sandbox wallet's `device` signer mode: a non-extractable P-256 key this browser keeps (IndexedDB)
 * approves withdrawals without a code once an emailed code registered it; the user sees it and can
 * remove it. A chunk of its own, loaded only by a wallet in this mode.
 */
export function sandboxDevice(call: SignerCall, keys: DeviceKeyStore = deviceKeyStore()) {
  const owner = async () => (await call<{ address: string }>("GET", "")).address;
  return {
    /** A grant signed with this device's key, or null when there is none here (or the wallet forgot it). */
    async approval(user: string): Promise<Grant | null> {
      const key = await keys.get(user);
      if (!key) return null;
      const { challenge, wallet } = await call<{ challenge: string; wallet: string }>("POST", "/approvals/device/challenge", {});
      const message = `machines-card sandbox approval\nwallet: ${wallet.toLowerCase()}\nchallenge: ${challenge}`;
      const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, new TextEncoder().encode(message));
      try {
        const r = await call<{ approval: string; expiresAt: string }>("POST", "/approvals/device", { deviceId: key.id, challenge, signature: b64url(signature) });
        return { token: r.approval, expiresAt: Date.parse(r.expiresAt), used: new Set() };
      } catch (e) {
        // Removed on another screen (or by the sandbox restarting): forget it; the email code takes over.
        if ((e as { signerCode?: string }).signerCode === "device_unknown") await keys.remove(user);
        return null;
      }
    },

    /** Registers a new device key with the grant an emailed code won. */
    async register(user: string, approval: string): Promise<void> {
      const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
      const jwk = await crypto.subtle.exportKey("jwk", pair.publicKey);
      const name = deviceName();
      const { device } = await call<{ device: { id: string } }>("POST", "/signers/device", { publicKey: { x: jwk.x, y: jwk.y }, name, approval });
      await keys.put(user, { id: device.id, name, privateKey: pair.privateKey });
    },

    /** What the withdraw step shows: the device signer held here, and its removal. */
    control: {
      async current() {
        const user = await owner();
        const key = await keys.get(user);
        if (!key) return null;
        const { devices } = await call<{ devices: { id: string; name: string }[] }>("GET", "/signers");
        const registered = devices.find((d) => d.id === key.id);
        // Removed elsewhere (or forgotten by a restarted sandbox): the key here is of no use any more.
        if (!registered) await keys.remove(user);
        return registered ? { id: registered.id, name: registered.name } : null;
      },
      async remove() {
        const user = await owner();
        const key = await keys.get(user);
        if (!key) return;
        await call("POST", "/signers/device/remove", { deviceId: key.id }).catch((e) => {
          if ((e as { signerCode?: string }).signerCode !== "not_found") throw e;
        });
        await keys.remove(user);
      },
    } satisfies DeviceSignerControl,
  };
}

function deviceName(): string {
  const ua = typeof navigator === "undefined" ? "" : navigator.userAgent;
  const browser = /Firefox\//.test(ua) ? "Firefox" : /Edg\//.test(ua) ? "Edge" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
  return `${browser} on this device`;
}

function b64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
