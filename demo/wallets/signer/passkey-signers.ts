import type { GrantBinding } from "./approvals";
import { b64url, fromB64url, verifyAssertion, verifyRegistration, WebAuthnError, type P256PublicKey, type RegisteredCredential, type RelyingParty } from "./webauthn";

/** A passkey on the user's wallet, as `/signers` lists it (Crossmint's passkey signer shape: id, name, publicKey). */
export interface PasskeySigner {
  id: string;
  name: string;
  publicKey: P256PublicKey;
  rpId: string;
  locator: string;
  createdAt: string;
}

interface Stored extends RegisteredCredential {
  name: string;
  createdAt: string;
}

interface Issued {
  sub: string;
  expiresAt: number;
  /** Registration challenges bind nothing; approval challenges bind the operation. */
  bound?: GrantBinding;
}

export type PasskeyRefusal = "challenge_invalid" | "passkey_unknown" | WebAuthnError["reason"];

/**
 * The users' passkey signers: registration (attestation `none`) and one approval per assertion.
 * An approval challenge is the operation's digest (32 bytes) followed by 16 random bytes, base64url:
 * the passkey signs over exactly the thing the wallet will sign or send, and every challenge is fresh.
 *
 * Sandbox choices: challenges are single use and valid `challengeTtlMs`; the allowed origins are the
 * `RelyingParty`'s (Crossmint checks the client key's allowed origins); credentials live in memory.
 */
export function createPasskeySigners(o: { rp: RelyingParty; challengeTtlMs: number; now?: () => number }) {
  const now = o.now ?? Date.now;
  const passkeys = new Map<string, Stored[]>();
  const challenges = new Map<string, Issued>();

  function issue(sub: string, bytes: Uint8Array, bound?: GrantBinding) {
    const t = now();
    for (const [c, i] of challenges) if (i.expiresAt <= t) challenges.delete(c);
    const challenge = b64url(bytes);
    challenges.set(challenge, { sub, expiresAt: t + o.challengeTtlMs, ...(bound && { bound }) });
    return { challenge, expiresAt: t + o.challengeTtlMs };
  }
  /** Takes a challenge out (single use): its issue, if it was this user's, live, and of the right kind. */
  function take(sub: string, challenge: string, kind: "register" | "approve"): Issued | null {
    const issued = challenges.get(challenge);
    challenges.delete(challenge);
    if (!issued || issued.sub !== sub || issued.expiresAt <= now() || Boolean(issued.bound) !== (kind === "approve")) return null;
    return issued;
  }
  const view = (p: Stored): PasskeySigner => ({ id: p.id, name: p.name, publicKey: p.publicKey, rpId: p.rpId, locator: `passkey:${p.id}`, createdAt: p.createdAt });

  return {
    list: (sub: string) => (passkeys.get(sub) ?? []).map(view),
    registrationChallenge: (sub: string) => issue(sub, crypto.getRandomValues(new Uint8Array(32))),
    async register(
      sub: string,
      p: { challenge: string; rpId: string; id: string; name: string; clientDataJSON: string; attestationObject: string },
    ): Promise<{ ok: true; passkey: PasskeySigner } | { ok: false; reason: PasskeyRefusal; message: string }> {
      if (!take(sub, p.challenge, "register")) return { ok: false, reason: "challenge_invalid", message: "the challenge is unknown, used or expired" };
      try {
        const credential = await verifyRegistration(o.rp, { ...p, clientDataJSON: fromB64url(p.clientDataJSON), attestationObject: fromB64url(p.attestationObject) });
        const stored: Stored = { ...credential, name: p.name, createdAt: new Date(now()).toISOString() };
        passkeys.set(sub, [...(passkeys.get(sub) ?? []).filter((k) => k.id !== stored.id), stored]);
        return { ok: true, passkey: view(stored) };
      } catch (e) {
        if (e instanceof WebAuthnError) return { ok: false, reason: e.reason, message: e.message };
        return { ok: false, reason: "malformed", message: "the credential could not be read" };
      }
    },
    remove(sub: string, id: string): boolean {
      const list = passkeys.get(sub) ?? [];
      passkeys.set(sub, list.filter((k) => k.id !== id));
      return list.some((k) => k.id === id);
    },
    /** A challenge naming the operation: `digest` (0x + 32 bytes hex) then 16 random bytes. */
    approvalChallenge(sub: string, bound: GrantBinding) {
      const digest = Uint8Array.from(bound.digest.slice(2).match(/../g) ?? [], (h) => parseInt(h, 16));
      const bytes = new Uint8Array(48);
      bytes.set(digest);
      bytes.set(crypto.getRandomValues(new Uint8Array(16)), 32);
      return { ...issue(sub, bytes, bound), allowCredentials: (passkeys.get(sub) ?? []).map((k) => k.id) };
    },
    /** Verifies an assertion; on success, what the grant may approve (the challenge's operation). */
    async approve(
      sub: string,
      p: { challenge: string; credentialId: string; clientDataJSON: string; authenticatorData: string; signature: string },
    ): Promise<{ ok: true; bound: GrantBinding } | { ok: false; reason: PasskeyRefusal; message: string }> {
      const issued = take(sub, p.challenge, "approve");
      if (!issued?.bound) return { ok: false, reason: "challenge_invalid", message: "the challenge is unknown, used or expired; ask for a new one" };
      const credential = (passkeys.get(sub) ?? []).find((k) => k.id === p.credentialId);
      if (!credential) return { ok: false, reason: "passkey_unknown", message: "this passkey is not registered on your wallet (or was removed)" };
      try {
        credential.signCount = await verifyAssertion(o.rp, credential, {
          challenge: p.challenge,
          clientDataJSON: fromB64url(p.clientDataJSON),
          authenticatorData: fromB64url(p.authenticatorData),
          signature: fromB64url(p.signature),
        });
        return { ok: true, bound: issued.bound };
      } catch (e) {
        if (e instanceof WebAuthnError) return { ok: false, reason: e.reason, message: e.message };
        return { ok: false, reason: "malformed", message: "the assertion could not be read" };
      }
    },
  };
}

export type PasskeySigners = ReturnType<typeof createPasskeySigners>;

/** The sandbox's default partner origins: pages on this machine (`npm run dev`, tests), any port. */
export const LOOPBACK_ORIGINS: RelyingParty = {
  isAllowedOrigin: (origin) => /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin),
};
