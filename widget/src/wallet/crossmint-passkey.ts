import { lowS, toHex } from "./p256-signature";
import { WalletError } from "./wallet-adapter";

/** The part of the wallets SDK's `EVMWallet` (1.1.0) the passkey signer needs. */
export interface PasskeyCapableWallet {
  readonly signer?: { type: string } | undefined;
  useSigner(signer: { type: "passkey"; id?: string; onSignWithPasskey: (message: string) => Promise<never> }): Promise<void>;
  addSigner(signer: never): Promise<unknown>;
}

/**
 * Makes the Crossmint wallet sign with the user's passkey (signer mode `passkey`): Crossmint's passkey
 * signer, which signs each approval with `navigator.credentials.get` on this page's origin (the SDK's
 * `PasskeySigner`, through ox's WebAuthnP256). `useSigner({ type: "passkey" })` picks the wallet's
 * passkey; a wallet without one gets a new passkey registered first — `addSigner` is approved by the
 * wallet's recovery signer (the email code, through `onAuthRequired` and the widget's prompt).
 */
export async function useCrossmintPasskey(wallet: PasskeyCapableWallet, rpName: string): Promise<void> {
  if (configured.has(wallet)) return;
  try {
    await wallet.useSigner(passkeySigner());
  } catch (error) {
    if (!/no passkey signer is registered/i.test(String((error as Error)?.message))) throw error;
    const passkey = await createPasskey(rpName);
    // The SDK's `addSigner` types omit the public key, yet it sends a passkey config as-is to Crossmint's
    // register-signer API, which needs it: `{ type, id, name, publicKey: { x, y } }` (decimal strings).
    await wallet.addSigner(passkey as never);
    await wallet.useSigner(passkeySigner(passkey.id));
  }
  configured.add(wallet);
}

/** Wallets whose signer is the passkey with the adapter's own signing (the SDK may have assembled its own). */
const configured = new WeakSet<PasskeyCapableWallet>();

/**
 * The passkey signer config, signing with `navigator.credentials.get` here rather than through the
 * SDK's default (ox 0.6.9's `WebAuthnP256.sign`), whose DER parser assumes a 32-byte `r`: about one
 * signature in 256 (an `r` below 2^248) would reach Crossmint malformed. The SDK fills in `id` when it
 * picks the wallet's only passkey.
 */
function passkeySigner(id?: string) {
  const config: { type: "passkey"; id?: string; onSignWithPasskey: (message: string) => Promise<never> } = {
    type: "passkey",
    ...(id && { id }),
    onSignWithPasskey: (message) => signWithPasskey(config.id ?? "", message) as Promise<never>,
  };
  return config;
}

/** Crossmint's passkey approval: the WebAuthn assertion over the message, as `{ signature: { r, s }, metadata }` (ox's shape). */
async function signWithPasskey(id: string, message: string) {
  const credential = (await navigator.credentials.get({
    publicKey: {
      challenge: fromHex(message),
      rpId: location.hostname,
      ...(id && { allowCredentials: [{ type: "public-key" as const, id: fromB64url(id) }] }),
      userVerification: "required",
    },
  })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException("no passkey was given", "NotAllowedError");
  const response = credential.response as AuthenticatorAssertionResponse;
  const clientDataJSON = new TextDecoder().decode(response.clientDataJSON);
  const { r, s } = derSignature(new Uint8Array(response.signature));
  return {
    signature: { r: `0x${r.toString(16)}`, s: `0x${s.toString(16)}` },
    metadata: {
      authenticatorData: `0x${toHex(new Uint8Array(response.authenticatorData))}`,
      clientDataJSON,
      challengeIndex: clientDataJSON.indexOf('"challenge"'),
      typeIndex: clientDataJSON.indexOf('"type"'),
      userVerificationRequired: true,
    },
  };
}

/** ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }`, each 1–33 bytes. */
export function derSignature(der: Uint8Array): { r: bigint; s: bigint } {
  let at = 2;
  const integer = () => {
    if (der[at] !== 0x02) throw new Error("the passkey signature is not DER");
    const length = der[at + 1]!;
    const value = BigInt(`0x${toHex(der.slice(at + 2, at + 2 + length)) || "0"}`);
    at += 2 + length;
    return value;
  };
  if (der[0] !== 0x30) throw new Error("the passkey signature is not DER");
  const r = integer();
  const s = integer();
  return { r, s: lowS(s) };
}

const fromHex = (hex: string) => Uint8Array.from((hex.replace(/^0x/, "").match(/../g) ?? []).map((h) => parseInt(h, 16)));
const fromB64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/**
 * A new ES256 passkey scoped to this page's host, with the browser's own prompt. Crossmint's SDK makes
 * them the same way (a random challenge: Crossmint registers the key, not an attestation).
 */
async function createPasskey(rpName: string): Promise<{ type: "passkey"; id: string; name: string; publicKey: { x: string; y: string } }> {
  const name = `${rpName} passkey`;
  let credential: PublicKeyCredential | null;
  try {
    credential = (await navigator.credentials.create({
      publicKey: {
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        rp: { id: location.hostname, name: rpName },
        user: { id: crypto.getRandomValues(new Uint8Array(16)), name, displayName: name },
        pubKeyCredParams: [{ type: "public-key", alg: -7 }],
        authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
        attestation: "none",
        timeout: 120_000,
      },
    })) as PublicKeyCredential | null;
  } catch (cause) {
    throw new WalletError("user_rejected", "no passkey was created; nothing was signed", { cause });
  }
  if (!credential) throw new WalletError("user_rejected", "no passkey was created; nothing was signed");
  const spki = (credential.response as AuthenticatorAttestationResponse).getPublicKey();
  if (!spki) throw new WalletError("wallet_error", "the browser did not give the passkey's public key");
  const key = await crypto.subtle.importKey("spki", spki, { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]);
  const jwk = await crypto.subtle.exportKey("jwk", key);
  return { type: "passkey", id: credential.id, name, publicKey: { x: decimal(jwk.x!), y: decimal(jwk.y!) } };
}

/** A base64url coordinate as the decimal string Crossmint's API takes. */
function decimal(b64url: string): string {
  const bytes = atob(b64url.replace(/-/g, "+").replace(/_/g, "/"));
  let hex = "";
  for (const ch of bytes) hex += ch.charCodeAt(0).toString(16).padStart(2, "0");
  return BigInt(`0x${hex}`).toString();
}

/**
 * Whether an SDK failure is the browser's passkey prompt being dismissed, or finding no passkey here
 * (WebAuthn's NotAllowedError, which the SDK wraps in ox's CredentialRequestFailedError): the user's
 * "no", not Crossmint failing.
 */
export function passkeyDismissed(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { name?: string }).name;
    if (name === "NotAllowedError" || name === "AbortError" || name === "WebAuthnP256.CredentialRequestFailedError") return true;
  }
  return false;
}
