/**
 * WebAuthn as a relying party checks it (W3C WebAuthn Level 2, §7.1 registration and §7.2 assertion),
 * for ES256 (COSE alg -7, P-256) passkeys, with WebCrypto only. The sandbox wallet uses it the way
 * Crossmint's passkey signer would: a passkey registered on the partner's origin approves one operation
 * per assertion, over a challenge bound to that operation.
 */

export const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
export const fromB64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0));

const sha256 = async (bytes: Uint8Array) => new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as BufferSource));
const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

export class WebAuthnError extends Error {
  override name = "WebAuthnError";
  constructor(
    readonly reason:
      | "malformed"
      | "type_invalid"
      | "challenge_mismatch"
      | "origin_invalid"
      | "rp_invalid"
      | "user_presence_missing"
      | "user_verification_missing"
      | "key_unsupported"
      | "signature_invalid"
      | "counter_replayed",
    message: string,
  ) {
    super(message);
  }
}

type Cbor = number | bigint | string | Uint8Array | boolean | null | undefined | Cbor[] | Map<Cbor, Cbor>;

/** Just enough CBOR (RFC 8949) for attestation objects and COSE keys: definite lengths, no tags or floats. */
export function decodeCbor(bytes: Uint8Array): { value: Cbor; end: number } {
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new WebAuthnError("malformed", "CBOR runs past its end");
  };
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (!size) throw new WebAuthnError("malformed", "CBOR length not supported");
    need(size);
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + bytes[at++]!;
    return n;
  };
  const item = (depth: number): Cbor => {
    if (depth > 16) throw new WebAuthnError("malformed", "CBOR nested too deep");
    need(1);
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const n = length(info);
        need(n);
        const slice = bytes.slice(at, (at += n));
        return major === 2 ? slice : new TextDecoder().decode(slice);
      }
      case 4:
        return Array.from({ length: length(info) }, () => item(depth + 1));
      case 5: {
        const map = new Map<Cbor, Cbor>();
        for (let i = length(info); i > 0; i--) map.set(item(depth + 1), item(depth + 1));
        return map;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
    }
    throw new WebAuthnError("malformed", `CBOR item ${head} not supported`);
  };
  const value = item(0);
  return { value, end: at };
}

export interface AuthenticatorData {
  rpIdHash: Uint8Array;
  userPresent: boolean;
  userVerified: boolean;
  signCount: number;
  /** Present on registration (the AT flag). */
  credential?: { id: Uint8Array; publicKey: P256PublicKey };
}

/** A P-256 public key as JWK coordinates (base64url), the shape Crossmint's passkey signers report. */
export interface P256PublicKey {
  x: string;
  y: string;
}

/** §6.1: rpIdHash(32) flags(1) signCount(4) [aaguid(16) idLength(2) id COSE-key]. */
export function parseAuthenticatorData(data: Uint8Array): AuthenticatorData {
  if (data.length < 37) throw new WebAuthnError("malformed", "authenticatorData is shorter than 37 bytes");
  const flags = data[32]!;
  const signCount = new DataView(data.buffer, data.byteOffset + 33, 4).getUint32(0);
  const parsed: AuthenticatorData = { rpIdHash: data.slice(0, 32), userPresent: (flags & 0x01) !== 0, userVerified: (flags & 0x04) !== 0, signCount };
  if (flags & 0x40) {
    if (data.length < 55) throw new WebAuthnError("malformed", "authenticatorData has no attested credential");
    const idLength = (data[53]! << 8) | data[54]!;
    const id = data.slice(55, 55 + idLength);
    if (id.length !== idLength) throw new WebAuthnError("malformed", "credential id runs past authenticatorData");
    parsed.credential = { id, publicKey: coseToP256(decodeCbor(data.slice(55 + idLength)).value) };
  }
  return parsed;
}

/** RFC 9053 EC2 key: kty 2, alg -7 (ES256), crv 1 (P-256), x and y of 32 bytes; anything else is refused. */
export function coseToP256(cose: Cbor): P256PublicKey {
  if (!(cose instanceof Map)) throw new WebAuthnError("key_unsupported", "the credential public key is not a COSE key");
  const x = cose.get(-2);
  const y = cose.get(-3);
  if (cose.get(1) !== 2 || cose.get(3) !== -7 || cose.get(-1) !== 1 || !(x instanceof Uint8Array) || !(y instanceof Uint8Array) || x.length !== 32 || y.length !== 32) {
    throw new WebAuthnError("key_unsupported", "only ES256 (P-256) passkeys are supported");
  }
  return { x: b64url(x), y: b64url(y) };
}

export function importP256(key: P256PublicKey): Promise<CryptoKey> {
  return crypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: key.x, y: key.y, ext: true }, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
}

/** WebAuthn signatures are ASN.1 DER `SEQUENCE { r INTEGER, s INTEGER }`; WebCrypto verifies raw `r‖s` (32 bytes each). */
export function derToRaw(der: Uint8Array): Uint8Array {
  const fail = () => new WebAuthnError("signature_invalid", "the signature is not a DER ECDSA signature");
  if (der[0] !== 0x30 || der[1] !== der.length - 2) throw fail();
  let at = 2;
  const integer = () => {
    if (der[at] !== 0x02) throw fail();
    const n = der[at + 1]!;
    let value = der.slice(at + 2, at + 2 + n);
    at += 2 + n;
    if (value.length !== n || n === 0) throw fail();
    while (value.length > 32 && value[0] === 0) value = value.slice(1);
    if (value.length > 32) throw fail();
    const out = new Uint8Array(32);
    out.set(value, 32 - value.length);
    return out;
  };
  const r = integer();
  const s = integer();
  if (at !== der.length) throw fail();
  const raw = new Uint8Array(64);
  raw.set(r);
  raw.set(s, 32);
  return raw;
}

export interface RelyingParty {
  /** Origins the ceremony may come from (the partner pages), e.g. `https://shop.example`. */
  isAllowedOrigin(origin: string): boolean;
  /** Refuse assertions without the UV flag (default: UP is required, UV only when asked for). */
  requireUserVerification?: boolean;
}

interface ClientData {
  type: string;
  challenge: string;
  origin: string;
}

function readClientData(json: Uint8Array, type: "webauthn.create" | "webauthn.get", challenge: string, rp: RelyingParty): ClientData {
  let data: ClientData;
  try {
    data = JSON.parse(new TextDecoder().decode(json)) as ClientData;
  } catch {
    throw new WebAuthnError("malformed", "clientDataJSON is not JSON");
  }
  if (data?.type !== type) throw new WebAuthnError("type_invalid", `clientDataJSON.type must be ${type}`);
  if (data.challenge !== challenge) throw new WebAuthnError("challenge_mismatch", "the passkey signed another challenge");
  if (typeof data.origin !== "string" || !rp.isAllowedOrigin(data.origin)) throw new WebAuthnError("origin_invalid", `origin ${String(data.origin)} is not an allowed partner origin`);
  return data;
}

/** The rpId a page on `origin` may use: its host, or a registrable suffix of it (HTML's "registrable domain suffix"). */
export function rpIdFits(origin: string, rpId: string): boolean {
  const host = new URL(origin).hostname;
  return host === rpId || host.endsWith(`.${rpId}`);
}

async function checkAuthenticatorData(data: AuthenticatorData, rpId: string, rp: RelyingParty): Promise<void> {
  if (!equalBytes(data.rpIdHash, await sha256(new TextEncoder().encode(rpId)))) throw new WebAuthnError("rp_invalid", `the passkey is not scoped to ${rpId}`);
  if (!data.userPresent) throw new WebAuthnError("user_presence_missing", "the authenticator did not report the user present");
  if (rp.requireUserVerification && !data.userVerified) throw new WebAuthnError("user_verification_missing", "the authenticator did not verify the user");
}

export interface RegisteredCredential {
  id: string;
  publicKey: P256PublicKey;
  rpId: string;
  signCount: number;
}

/** §7.1 with attestation `none` (the sandbox trusts no attestation roots): the new credential, or a WebAuthnError. */
export async function verifyRegistration(
  rp: RelyingParty,
  p: { challenge: string; rpId: string; id: string; clientDataJSON: Uint8Array; attestationObject: Uint8Array },
): Promise<RegisteredCredential> {
  const client = readClientData(p.clientDataJSON, "webauthn.create", p.challenge, rp);
  if (!rpIdFits(client.origin, p.rpId)) throw new WebAuthnError("rp_invalid", `rpId ${p.rpId} does not fit origin ${client.origin}`);
  const attestation = decodeCbor(p.attestationObject).value;
  const authData = attestation instanceof Map ? attestation.get("authData") : undefined;
  if (!(authData instanceof Uint8Array)) throw new WebAuthnError("malformed", "attestationObject has no authData");
  const data = parseAuthenticatorData(authData);
  await checkAuthenticatorData(data, p.rpId, rp);
  if (!data.credential) throw new WebAuthnError("malformed", "authenticatorData carries no credential");
  if (b64url(data.credential.id) !== p.id) throw new WebAuthnError("malformed", "the credential id does not match authenticatorData");
  // Refuse a point WebCrypto cannot import now rather than at the first approval.
  await importP256(data.credential.publicKey).catch(() => {
    throw new WebAuthnError("key_unsupported", "the credential public key is not a P-256 point");
  });
  return { id: p.id, publicKey: data.credential.publicKey, rpId: p.rpId, signCount: data.signCount };
}

/** §7.2: checks an assertion against the stored credential; returns the new signCount. */
export async function verifyAssertion(
  rp: RelyingParty,
  credential: RegisteredCredential,
  p: { challenge: string; clientDataJSON: Uint8Array; authenticatorData: Uint8Array; signature: Uint8Array },
): Promise<number> {
  const client = readClientData(p.clientDataJSON, "webauthn.get", p.challenge, rp);
  if (!rpIdFits(client.origin, credential.rpId)) throw new WebAuthnError("rp_invalid", `origin ${client.origin} is outside ${credential.rpId}`);
  const data = parseAuthenticatorData(p.authenticatorData);
  await checkAuthenticatorData(data, credential.rpId, rp);
  const signed = new Uint8Array(p.authenticatorData.length + 32);
  signed.set(p.authenticatorData);
  signed.set(await sha256(p.clientDataJSON), p.authenticatorData.length);
  const valid = await crypto.subtle
    .verify({ name: "ECDSA", hash: "SHA-256" }, await importP256(credential.publicKey), derToRaw(p.signature) as BufferSource, signed as BufferSource)
    .catch(() => false);
  if (!valid) throw new WebAuthnError("signature_invalid", "the passkey signature does not verify");
  // §7.2 step 21: a counter that does not move forward means a cloned authenticator (or a replay); 0 and 0 means no counter.
  if ((data.signCount !== 0 || credential.signCount !== 0) && data.signCount <= credential.signCount) {
    throw new WebAuthnError("counter_replayed", "the passkey's signature counter went backwards (a replay or a cloned authenticator)");
  }
  return data.signCount;
}
