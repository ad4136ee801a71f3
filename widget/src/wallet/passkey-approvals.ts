import type { Grant, SignerCall } from "./sandbox-approvals";

/** What a passkey is asked to approve: the one operation the wallet is about to sign or send, exactly. */
export type WalletOperation =
  | { operation: "sign-typed-data"; typedData: unknown }
  | { operation: "send-transaction"; to: string; data?: string; value?: string | number };

/**
 * Whether this page can use a passkey: WebAuthn present and a host name to scope it to (browsers refuse
 * an IP address as the relying party id, so `http://127.0.0.1` pages fall back to the emailed code).
 */
export function passkeysAvailable(): boolean {
  if (typeof navigator === "undefined" || !navigator.credentials || typeof PublicKeyCredential === "undefined") return false;
  const host = location.hostname;
  return host !== "" && !/^\d+\.\d+\.\d+\.\d+$/.test(host) && !host.includes(":") && !host.startsWith("[");
}

/**
 * Approves one operation with the user's passkey, through the browser's own prompt: the wallet issues a
 * challenge that starts with the operation's digest, `navigator.credentials.get` signs it on this
 * page's origin (rpId: this host), and the wallet verifies the assertion. Null when the wallet has no
 * passkey or the browser gave none (cancelled, or none on this device): the emailed code takes over.
 */
export async function passkeyApproval(call: SignerCall, operation: WalletOperation): Promise<Grant | null> {
  let issued: { challenge: string; allowCredentials: string[] };
  try {
    issued = await call("POST", "/approvals/passkey/challenge", operation);
  } catch (e) {
    if ((e as { signerCode?: string }).signerCode === "passkey_unknown") return null;
    throw e;
  }
  const credential = (await navigator.credentials
    .get({
      publicKey: {
        challenge: fromB64url(issued.challenge),
        rpId: location.hostname,
        allowCredentials: issued.allowCredentials.map((id) => ({ type: "public-key" as const, id: fromB64url(id) })),
        userVerification: "preferred",
        timeout: 120_000,
      },
    })
    .catch(() => null)) as PublicKeyCredential | null;
  if (!credential) return null;
  const response = credential.response as AuthenticatorAssertionResponse;
  const r = await call<{ approval: string; expiresAt: string; use: "sign" | "send" }>("POST", "/approvals/passkey", {
    challenge: issued.challenge,
    credentialId: b64url(credential.rawId),
    clientDataJSON: b64url(response.clientDataJSON),
    authenticatorData: b64url(response.authenticatorData),
    signature: b64url(response.signature),
  });
  // The grant approves this operation only: the other use is never on it.
  return { token: r.approval, expiresAt: Date.parse(r.expiresAt), used: new Set([r.use === "sign" ? "send" : "sign"]) };
}

/**
 * Registers a new passkey on the wallet (after an emailed-code approval, which the wallet requires):
 * ES256, scoped to this page's host, a resident key where the authenticator can keep one.
 */
export async function registerPasskey(call: SignerCall, approval: string): Promise<void> {
  const options = await call<{ challenge: string; user: { id: string; name: string; displayName: string }; excludeCredentials: string[] }>(
    "POST",
    "/signers/passkey/challenge",
    {},
  );
  const rpId = location.hostname;
  const credential = (await navigator.credentials.create({
    publicKey: {
      challenge: fromB64url(options.challenge),
      rp: { id: rpId, name: rpId },
      user: { id: fromB64url(options.user.id), name: options.user.name, displayName: options.user.displayName },
      pubKeyCredParams: [{ type: "public-key", alg: -7 }],
      authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
      excludeCredentials: options.excludeCredentials.map((id) => ({ type: "public-key" as const, id: fromB64url(id) })),
      attestation: "none",
      timeout: 120_000,
    },
  })) as PublicKeyCredential | null;
  if (!credential) return;
  const response = credential.response as AuthenticatorAttestationResponse;
  await call("POST", "/signers/passkey", {
    challenge: options.challenge,
    rpId,
    name: `Passkey on ${rpId}`,
    approval,
    credential: { id: b64url(credential.rawId), clientDataJSON: b64url(response.clientDataJSON), attestationObject: b64url(response.attestationObject) },
  });
}

function b64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromB64url(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
}
