import { generateKeyPair } from "jose";
import type { IdentityIssuer } from "./identity-issuer";
import { SIGNING_ALG } from "./signing-key";
import { userIdForEmail } from "./user-id";

export interface TestTokenUser {
  email: string;
  /** Defaults to the issuer's stable id for the email. */
  sub?: string;
}

/**
 * Tokens that must be refused, for the Worker's auth tests (and ours). Each one is wrong in exactly
 * one way; `valid` is the control that must be accepted. Runs in Node and in workerd.
 *
 * @example
 * const tokens = createTestTokens(identity);
 * await expectUnauthorized(await tokens.expired({ email: "ada@example.com" }));
 */
export function createTestTokens(issuer: Pick<IdentityIssuer, "issueToken" | "kid">) {
  const subject = async (u: TestTokenUser) => ({ sub: u.sub ?? (await userIdForEmail(u.email)), email: u.email.trim().toLowerCase() });

  return {
    /** A good token (the control). */
    valid: async (u: TestTokenUser) => issuer.issueToken(await subject(u)),
    /** Expired `secondsAgo` seconds ago (default 60), otherwise good. */
    expired: async (u: TestTokenUser, secondsAgo = 60) => {
      const iat = Math.floor(Date.now() / 1000) - 900 - secondsAgo;
      return issuer.issueToken({ ...(await subject(u)), iat, ttlSeconds: 900 });
    },
    wrongAudience: async (u: TestTokenUser, audience = "some-other-app") => issuer.issueToken({ ...(await subject(u)), audience }),
    wrongIssuer: async (u: TestTokenUser, iss = "https://evil.example/identity") => issuer.issueToken({ ...(await subject(u)), issuer: iss }),
    /** Same `kid` as the real key, signed by a freshly generated key nobody published. */
    unknownKey: async (u: TestTokenUser) => {
      const { privateKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048 });
      return issuer.issueToken({ ...(await subject(u)), privateKey, kid: issuer.kid });
    },
    /** A `kid` the JWKS does not list, signed by the real key. */
    unknownKid: async (u: TestTokenUser) => issuer.issueToken({ ...(await subject(u)), kid: "not-a-published-kid" }),
    /** No `kid` header at all, signed by the real key. */
    missingKid: async (u: TestTokenUser) => issuer.issueToken({ ...(await subject(u)), kid: null }),
    /** A good token whose payload is rewritten after signing (sub and email swapped for `as`'s). */
    tamperedPayload: async (u: TestTokenUser, as: TestTokenUser = { email: "mallory@example.com" }) => {
      const [header, payload, signature] = (await issuer.issueToken(await subject(u))).split(".") as [string, string, string];
      const claims = JSON.parse(fromBase64url(payload)) as Record<string, unknown>;
      const forged = { ...claims, ...(await subject(as)) };
      return `${header}.${toBase64url(JSON.stringify(forged))}.${signature}`;
    },
    /** `alg: none`, unsigned: a classic that verifiers must refuse. */
    unsigned: async (u: TestTokenUser) => {
      const good = (await issuer.issueToken(await subject(u))).split(".");
      return `${toBase64url(JSON.stringify({ alg: "none", typ: "JWT", kid: issuer.kid }))}.${good[1]}.`;
    },
  };
}

export type TestTokens = ReturnType<typeof createTestTokens>;

function toBase64url(text: string): string {
  let s = "";
  for (const b of new TextEncoder().encode(text)) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64url(b64: string): string {
  const bin = atob(b64.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
}
