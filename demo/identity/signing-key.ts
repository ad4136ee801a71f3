import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";

/** The issuer signs with RS256, as Crossmint does, so the Worker's verifier is the production one. */
export const SIGNING_ALG = "RS256";

/** A key pair as kept in the issuer's state (JWKs, so it can be saved as JSON and loaded again). */
export interface StoredSigningKey {
  kid: string;
  alg: typeof SIGNING_ALG;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: string;
}

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as published in the JWKS (`kid`, `alg`, `use` set). */
  publicJwk: JWK;
}

/** Generates a 2048-bit RSA key pair; the `kid` is its RFC 7638 thumbprint. */
export async function generateSigningKey(now = new Date()): Promise<{ key: SigningKey; stored: StoredSigningKey }> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048, extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const stored: StoredSigningKey = {
    kid,
    alg: SIGNING_ALG,
    privateJwk: await exportJWK(privateKey),
    publicJwk,
    createdAt: now.toISOString(),
  };
  return { key: await importSigningKey(stored), stored };
}

export async function importSigningKey(stored: StoredSigningKey): Promise<SigningKey> {
  const privateKey = await importJWK(stored.privateJwk, SIGNING_ALG);
  if (!(privateKey instanceof CryptoKey)) throw new Error("stored signing key is not an RSA private key");
  const { kty, n, e } = stored.publicJwk;
  return { kid: stored.kid, privateKey, publicJwk: { kty, n, e, kid: stored.kid, alg: SIGNING_ALG, use: "sig" } };
}
