import { createOtpBook, DEFAULT_OTP_POLICY, type OtpPolicy } from "../../identity/otp-codes";

/**
 * The user's approvals, standing in for Crossmint's non-custodial signers: the sandbox wallet signs a
 * user operation only with a grant won from one of the user's registered signers — an email one-time
 * code (printed to the console and listed for the sandbox page, as the email stands in), or a P-256
 * signature from a device key the user registered (WebCrypto ECDSA, verified here), or a WebAuthn
 * assertion from a passkey (`passkey-signers.ts`), bound to the one operation it approves. A bare
 * sign-in token wins nothing.
 *
 * Sandbox choices: a grant covers one withdrawal (at most one typed-data signature and one transaction)
 * within `grantTtlMs`; codes are 6 digits, single use, `codeTtlMs` long, `maxAttempts` tries, at most
 * `maxCodesPerWindow` (20) per email per 15 minutes.
 */
export interface ApprovalPolicy extends OtpPolicy {
  /** How long a grant stays usable (default 5 min). */
  grantTtlMs: number;
  /** How long a device challenge stays answerable (default 2 min). */
  challengeTtlMs: number;
}

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  ...DEFAULT_OTP_POLICY,
  // A withdrawal asks for one code; a tester (or a test) may make many in a row.
  maxCodesPerWindow: 20,
  codeTtlMs: 5 * 60_000,
  grantTtlMs: 5 * 60_000,
  challengeTtlMs: 2 * 60_000,
};

/** What a grant allows: the withdrawal's signature and its transaction, once each. */
export type GrantUse = "sign" | "send";

export interface DeviceSigner {
  id: string;
  name: string;
  /** The P-256 public key (JWK x and y, base64url). */
  publicKey: { x: string; y: string };
  createdAt: string;
}

/** What a passkey grant was won for: one use, over one operation (its digest, `operation-digest.ts`). */
export interface GrantBinding {
  use: GrantUse;
  digest: string;
}

interface Grant {
  sub: string;
  via: "email" | "device" | "passkey";
  expiresAt: number;
  used: Set<GrantUse>;
  /** Passkey grants approve exactly the operation their challenge named, nothing else. */
  bound?: GrantBinding;
}

export type GrantResult = { ok: true; token: string; expiresAt: number };
export type SpendResult =
  | { ok: true; via: Grant["via"] }
  | { ok: false; reason: "approval_required" | "approval_expired" | "approval_used" | "approval_mismatch" };

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromB64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0));
const randomToken = () => b64url(crypto.getRandomValues(new Uint8Array(32)));

/** The text a device signs to win a grant: bound to the challenge and the wallet, so it is not replayable elsewhere. */
export function deviceApprovalMessage(challenge: string, wallet: string): string {
  return `machines-card sandbox approval\nwallet: ${wallet.toLowerCase()}\nchallenge: ${challenge}`;
}

export function createApprovalBook(policy: ApprovalPolicy = DEFAULT_APPROVAL_POLICY, now: () => number = Date.now) {
  const codes = createOtpBook(policy, now);
  const grants = new Map<string, Grant>();
  const devices = new Map<string, DeviceSigner[]>();
  const challenges = new Map<string, { sub: string; expiresAt: number }>();

  function grant(sub: string, via: Grant["via"], bound?: GrantBinding): GrantResult {
    const t = now();
    for (const [token, g] of grants) if (g.expiresAt < t) grants.delete(token);
    const token = randomToken();
    grants.set(token, { sub, via, expiresAt: t + policy.grantTtlMs, used: new Set(), ...(bound && { bound }) });
    return { ok: true, token, expiresAt: t + policy.grantTtlMs };
  }

  return {
    /** Starts an email code for the user (`email` is the inbox: the user's email, else their id). */
    sendCode: (inbox: string) => codes.start(inbox),
    verifyCode(sub: string, inbox: string, code: string) {
      const result = codes.verify(inbox, code);
      return result.ok ? grant(sub, "email") : result;
    },
    /** The latest code per inbox, for the sandbox page (the stand-in for the user's mailbox). */
    codes: () => codes.list(),

    /** A grant for one operation, won with a passkey assertion over a challenge naming it. */
    grantPasskey: (sub: string, bound: GrantBinding) => grant(sub, "passkey", bound),

    /**
     * Spends one use of a grant; the same grant never signs twice nor sends twice, and a passkey grant
     * only for the operation (`digest`) it was won for.
     */
    spend(sub: string, token: string | undefined, use: GrantUse, digest?: string): SpendResult {
      const g = token ? grants.get(token) : undefined;
      if (!g || g.sub !== sub) return { ok: false, reason: "approval_required" };
      if (g.expiresAt <= now()) return { ok: false, reason: "approval_expired" };
      if (g.used.has(use) || (g.bound && g.bound.use !== use)) return { ok: false, reason: "approval_used" };
      if (g.bound && g.bound.digest !== digest) return { ok: false, reason: "approval_mismatch" };
      g.used.add(use);
      return { ok: true, via: g.via };
    },
    /** Whether the grant is live and came from an email code (registering a device needs one). */
    isEmailGrant(sub: string, token: string | undefined): boolean {
      const g = token ? grants.get(token) : undefined;
      return Boolean(g && g.sub === sub && g.via === "email" && g.expiresAt > now());
    },

    devices: (sub: string) => [...(devices.get(sub) ?? [])],
    async addDevice(sub: string, name: string, publicKey: { x: string; y: string }): Promise<DeviceSigner> {
      // Refuse a key WebCrypto cannot import as P-256 now rather than at the first approval.
      await importDeviceKey(publicKey);
      const device: DeviceSigner = { id: `device:${randomToken().slice(0, 22)}`, name, publicKey, createdAt: new Date(now()).toISOString() };
      devices.set(sub, [...(devices.get(sub) ?? []), device]);
      return device;
    },
    removeDevice(sub: string, id: string): boolean {
      const list = devices.get(sub) ?? [];
      devices.set(sub, list.filter((d) => d.id !== id));
      return list.some((d) => d.id === id);
    },
    challenge(sub: string): { challenge: string; expiresAt: number } {
      const challenge = randomToken();
      const expiresAt = now() + policy.challengeTtlMs;
      challenges.set(challenge, { sub, expiresAt });
      return { challenge, expiresAt };
    },
    /** A device's P-256 signature (IEEE P1363 r||s, base64url) over `deviceApprovalMessage`: a grant, or why not. */
    async verifyDevice(sub: string, wallet: string, p: { deviceId: string; challenge: string; signature: string }) {
      const issued = challenges.get(p.challenge);
      challenges.delete(p.challenge);
      if (!issued || issued.sub !== sub || issued.expiresAt <= now()) return { ok: false as const, reason: "challenge_invalid" as const };
      const device = (devices.get(sub) ?? []).find((d) => d.id === p.deviceId);
      if (!device) return { ok: false as const, reason: "device_unknown" as const };
      let valid = false;
      try {
        const key = await importDeviceKey(device.publicKey);
        const message = new TextEncoder().encode(deviceApprovalMessage(p.challenge, wallet));
        valid = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, fromB64url(p.signature), message);
      } catch {
        valid = false;
      }
      return valid ? grant(sub, "device") : { ok: false as const, reason: "signature_invalid" as const };
    },
  };
}

function importDeviceKey(publicKey: { x: string; y: string }): Promise<CryptoKey> {
  return crypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: publicKey.x, y: publicKey.y, ext: true }, { name: "ECDSA", namedCurve: "P-256" }, false, [
    "verify",
  ]);
}

export type ApprovalBook = ReturnType<typeof createApprovalBook>;
