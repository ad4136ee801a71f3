/**
 * The page-side half of the Crossmint adapter tests: the widget's own auth and wallet factories with
 * the real Crossmint SDKs, bundled by Vite the way the widget build bundles them (see
 * crossmint-page.ts), plus the one thing a test cannot get from Crossmint offline: a client API key.
 *
 * Crossmint signs every API key with an Ed25519 key whose public half the SDK pins
 * (`CROSSMINT_API_KEY_SIGNER_PUBLICKEY_STAGING` / `_PROD` in @crossmint/common-sdk-base) and checks
 * locally before any request. `installTestKeyIssuer()` makes the test Crossmint's key issuer: it
 * signs keys with a key pair of its own, and the SDK's check (tweetnacl's detached verify, the same
 * module instance the SDK uses) verifies signatures made for the pinned keys against the test's key
 * instead. Everything else in the SDKs runs as shipped; a key the test did not sign still fails.
 */
import bs58 from "bs58";
import nacl from "tweetnacl";

export { createAuth } from "#widget/auth/create-auth";
export { createWallet } from "#widget/wallet/create-wallet";
export { AuthError } from "#widget/auth/auth-adapter";
export { WalletError } from "#widget/wallet/wallet-adapter";

/** The public keys Crossmint's SDK pins for staging/development and production API keys. */
const PINNED_KEY_SIGNERS = ["3hSfN4dWSwgCg1uf2yytBtK6KxK3ySFKasd2h9J2vSK5", "8erZh8YApGck3iUSUHqATBxqMTM1Ukp9mHmvGgUWHtkK"].map((k) => bs58.decode(k));

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

let issuer: nacl.SignKeyPair | null = null;

/**
 * Becomes Crossmint's API key issuer for this page and returns a function that issues client keys
 * in Crossmint's format: `ck_<environment>_` + base58(`<projectId>.<keyId>:` + base58(signature over
 * `ck_<environment>.<projectId>.<keyId>`)).
 */
export function installTestKeyIssuer(): (environment: "staging" | "production", projectId: string) => string {
  if (!issuer) {
    const keys = nacl.sign.keyPair();
    issuer = keys;
    const verify = nacl.sign.detached.verify;
    nacl.sign.detached.verify = (message, signature, publicKey) =>
      verify(message, signature, PINNED_KEY_SIGNERS.some((pinned) => sameBytes(pinned, publicKey)) ? keys.publicKey : publicKey);
  }
  const { secretKey } = issuer;
  return (environment, projectId) => {
    const body = `${projectId}.test-key`;
    const signature = nacl.sign.detached(new TextEncoder().encode(`ck_${environment}.${body}`), secretKey);
    return `ck_${environment}_${bs58.encode(new TextEncoder().encode(`${body}:${bs58.encode(signature)}`))}`;
  };
}
