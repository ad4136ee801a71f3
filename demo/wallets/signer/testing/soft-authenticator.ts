import { b64url } from "../webauthn";

/**
 * A WebAuthn authenticator in software, for tests: a WebCrypto P-256 key, attestation `none`, DER
 * signatures, and a signature counter — the bytes a browser's platform authenticator returns, made here
 * so the relying party's checks can be tried against good and bad ceremonies alike.
 */
export async function softAuthenticator(o: { rpId: string; origin: string; counter?: number }) {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  const jwk = await crypto.subtle.exportKey("jwk", pair.publicKey);
  const id = crypto.getRandomValues(new Uint8Array(16));
  let counter = o.counter ?? 0;
  const text = new TextEncoder();
  const sha256 = async (b: Uint8Array) => new Uint8Array(await crypto.subtle.digest("SHA-256", b as BufferSource));

  async function authData(flags: number, rpId: string, count: number, attested?: Uint8Array): Promise<Uint8Array> {
    const head = new Uint8Array(37);
    head.set(await sha256(text.encode(rpId)));
    head[32] = flags;
    new DataView(head.buffer).setUint32(33, count);
    return attested ? concat(head, attested) : head;
  }

  return {
    id: b64url(id),
    get counter() {
      return counter;
    },
    /** `navigator.credentials.create`'s response, base64url. */
    async create(challenge: string, over: { origin?: string; rpId?: string; type?: string } = {}) {
      const cose = cborMap([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, fromB64(jwk.x!)],
        [-3, fromB64(jwk.y!)],
      ]);
      const attested = concat(new Uint8Array(16), new Uint8Array([0, id.length]), id, cose);
      const data = await authData(0x45, over.rpId ?? o.rpId, counter, attested);
      const attestationObject = cborMap([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", data],
      ]);
      const clientDataJSON = text.encode(JSON.stringify({ type: over.type ?? "webauthn.create", challenge, origin: over.origin ?? o.origin, crossOrigin: false }));
      return { id: b64url(id), clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject) };
    },
    /** `navigator.credentials.get`'s response, base64url; `over` makes a bad one. */
    async get(challenge: string, over: { origin?: string; rpId?: string; type?: string; flags?: number; counter?: number } = {}) {
      counter = over.counter ?? counter + 1;
      const authenticatorData = await authData(over.flags ?? 0x05, over.rpId ?? o.rpId, counter);
      const clientDataJSON = text.encode(JSON.stringify({ type: over.type ?? "webauthn.get", challenge, origin: over.origin ?? o.origin, crossOrigin: false }));
      const signed = concat(authenticatorData, await sha256(clientDataJSON));
      const raw = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, signed as BufferSource));
      return { credentialId: b64url(id), clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authenticatorData), signature: b64url(rawToDer(raw)) };
    },
  };
}

function fromB64(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** P1363 `r‖s` → DER, the way authenticators encode ECDSA signatures. */
export function rawToDer(raw: Uint8Array): Uint8Array {
  const int = (v: Uint8Array) => {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    const trimmed = v.slice(i);
    const body = trimmed[0]! & 0x80 ? concat(new Uint8Array([0]), trimmed) : trimmed;
    return concat(new Uint8Array([0x02, body.length]), body);
  };
  const seq = concat(int(raw.slice(0, 32)), int(raw.slice(32)));
  return concat(new Uint8Array([0x30, seq.length]), seq);
}

type CborIn = number | string | Uint8Array | Map<unknown, unknown>;

/** CBOR maps of small ints, short strings and byte strings: what COSE keys and attestation objects need. */
function cborMap(entries: [number | string, CborIn][]): Uint8Array {
  const head = (major: number, n: number) => (n < 24 ? new Uint8Array([(major << 5) | n]) : n < 256 ? new Uint8Array([(major << 5) | 24, n]) : new Uint8Array([(major << 5) | 25, n >> 8, n & 255]));
  const item = (v: CborIn): Uint8Array => {
    if (typeof v === "number") return v >= 0 ? head(0, v) : head(1, -1 - v);
    if (typeof v === "string") return concat(head(3, text(v).length), text(v));
    if (v instanceof Uint8Array) return concat(head(2, v.length), v);
    return head(5, 0);
  };
  const text = (s: string) => new TextEncoder().encode(s);
  return concat(head(5, entries.length), ...entries.flatMap(([k, v]) => [item(k), item(v)]));
}
