import { WalletError, type ApprovalHandler } from "./wallet-adapter";
import { deviceKeyStore, type DeviceKeyStore } from "./device-key-store";
import { passkeyApproval, passkeysAvailable, registerPasskey, type WalletOperation } from "./passkey-approvals";

/** How the sandbox wallet's API is asked (the adapter's `call`). */
export type SignerCall = <T>(method: "GET" | "POST", path: string, body?: unknown) => Promise<T>;

/** A grant from the sandbox wallet: good for one signature and one transaction of one withdrawal. */
export interface Grant {
  token: string;
  expiresAt: number;
  used: Set<"sign" | "send">;
}

/**
 * Wins the sandbox wallet's approval the way Crossmint's signers would: with this device's registered
 * P-256 key when the signer mode is `device` and the key is here (no prompt: the confirm click is the
 * click), with the user's passkey in `passkey` mode (the browser's own prompt, over this operation),
 * else with the one-time code emailed to the user, through the widget's prompt. In `device` mode, a code
 * approval then registers a new non-extractable device key, in `passkey` mode a new passkey, so the
 * next one needs no code.
 */
export async function sandboxApproval(o: {
  call: SignerCall;
  mode: string;
  handler: ApprovalHandler | null;
  keys?: DeviceKeyStore;
  /** The signed-in user (keys are kept per user). */
  user: string;
  /** What is about to be signed or sent (a passkey approves exactly this). */
  operation: WalletOperation;
}): Promise<Grant> {
  const keys = o.keys ?? deviceKeyStore();
  if (o.mode === "device") {
    const grant = await deviceApproval(o.call, keys, o.user).catch(() => null);
    if (grant) return grant;
  }
  const passkeys = o.mode === "passkey" && passkeysAvailable();
  if (passkeys) {
    const grant = await passkeyApproval(o.call, o.operation).catch(() => null);
    if (grant) return grant;
  }
  if (!o.handler) throw new WalletError("user_rejected", "this withdrawal needs your approval, and no prompt is available");
  let grant: Grant | null = null;
  const signer = await o.call<{ adminSigner: { locator?: string } | null }>("GET", "/signers");
  await o.handler({
    signerType: "email",
    signer: signer.adminSigner?.locator ?? "email",
    sendCode: async () => {
      await o.call("POST", "/approvals/email", {});
    },
    verifyCode: async (code) => {
      try {
        const r = await o.call<{ approval: string; expiresAt: string }>("POST", "/approvals/email/verify", { code });
        grant = { token: r.approval, expiresAt: Date.parse(r.expiresAt), used: new Set() };
      } catch (e) {
        const answered = (e as { signerCode?: string }).signerCode;
        if (answered === "otp_invalid" || answered === "otp_used") throw new WalletError("code_invalid", (e as Error).message, { cause: e });
        if (answered === "otp_expired" || answered === "otp_attempts_exceeded" || answered === "otp_not_requested") {
          throw new WalletError("code_expired", (e as Error).message, { cause: e });
        }
        throw e;
      }
    },
  });
  if (!grant) throw new WalletError("user_rejected", "the approval was not completed");
  if (o.mode === "device") await registerDevice(o.call, keys, o.user, (grant as Grant).token).catch(() => {});
  // Declined or failed, the code still approved this withdrawal; the next one asks for the code again.
  if (passkeys) await registerPasskey(o.call, (grant as Grant).token).catch(() => {});
  return grant;
}

async function deviceApproval(call: SignerCall, keys: DeviceKeyStore, user: string): Promise<Grant | null> {
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
}

async function registerDevice(call: SignerCall, keys: DeviceKeyStore, user: string, approval: string): Promise<void> {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  const jwk = await crypto.subtle.exportKey("jwk", pair.publicKey);
  const name = deviceName();
  const { device } = await call<{ device: { id: string } }>("POST", "/signers/device", { publicKey: { x: jwk.x, y: jwk.y }, name, approval });
  await keys.put(user, { id: device.id, name, privateKey: pair.privateKey });
}

function deviceName(): string {
  const ua = typeof navigator === "undefined" ? "" : navigator.userAgent;
  const browser = /Firefox\//.test(ua) ? "Firefox" : /Edg\//.test(ua) ? "Edge" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
  return `${browser} on this device`;
}

function b64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
