import { createLocalJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT, type JSONWebKeySet } from "jose";
import { SIGNING_ALG, type SigningKey } from "./signing-key";

/** What a verified identity token says about the user. */
export interface IdentityClaims {
  /** Stable opaque user id (see user-id.ts). */
  sub: string;
  email: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
}

/** Everything a caller (or a test helper) can bend when minting a token. */
export interface IssueTokenParameters {
  sub: string;
  email: string;
  /** Lifetime in seconds from `iat` (the issuer's TTL unless given; negative makes an expired token). */
  ttlSeconds?: number;
  /** Issued-at, in seconds since the epoch (the issuer's clock unless given). */
  iat?: number;
  issuer?: string;
  audience?: string;
  /** The `kid` header; `null` leaves it out. */
  kid?: string | null;
  /** Sign with another key (for "signed by an unknown key" tokens). */
  privateKey?: CryptoKey;
}

export type TokenErrorCode = "unauthorized" | "token_expired";

/** Why a token was refused; `code` matches the Worker's error codes. */
export class IdentityTokenError extends Error {
  override name = "IdentityTokenError";
  constructor(
    readonly code: TokenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface TokenMinterOptions {
  key: SigningKey;
  issuer: string;
  audience: string;
  ttlSeconds: number;
  now: () => number;
}

export function createTokenMinter(o: TokenMinterOptions) {
  const jwks: JSONWebKeySet = { keys: [o.key.publicJwk] };
  const keySet = createLocalJWKSet(jwks);
  const nowSeconds = () => Math.floor(o.now() / 1000);

  async function issueToken(p: IssueTokenParameters): Promise<string> {
    const iat = p.iat ?? nowSeconds();
    const kid = p.kid === undefined ? o.key.kid : p.kid;
    return new SignJWT({ email: p.email })
      .setProtectedHeader(kid === null ? { alg: SIGNING_ALG, typ: "JWT" } : { alg: SIGNING_ALG, typ: "JWT", kid })
      .setIssuer(p.issuer ?? o.issuer)
      .setAudience(p.audience ?? o.audience)
      .setSubject(p.sub)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (p.ttlSeconds ?? o.ttlSeconds))
      .setJti(crypto.randomUUID())
      .sign(p.privateKey ?? o.key.privateKey);
  }

  /**
   * Verifies a token the way the Worker does against the published JWKS (kid required, RS256 only,
   * issuer, audience, expiry); used in-process by the sandbox wallet.
   */
  async function verifyToken(jwt: string): Promise<IdentityClaims> {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(jwt).kid;
    } catch {
      throw new IdentityTokenError("unauthorized", "malformed token");
    }
    if (!kid) throw new IdentityTokenError("unauthorized", "token has no kid");
    try {
      const { payload } = await jwtVerify(jwt, keySet, {
        issuer: o.issuer,
        audience: o.audience,
        algorithms: [SIGNING_ALG],
        requiredClaims: ["sub", "iat", "exp"],
        currentDate: new Date(o.now()),
      });
      if (typeof payload.email !== "string") throw new IdentityTokenError("unauthorized", "token has no email");
      return {
        sub: payload.sub!,
        email: payload.email,
        iss: payload.iss!,
        aud: o.audience,
        iat: payload.iat!,
        exp: payload.exp!,
        jti: payload.jti ?? "",
      };
    } catch (e) {
      if (e instanceof IdentityTokenError) throw e;
      if (e instanceof joseErrors.JWTExpired) throw new IdentityTokenError("token_expired", "token expired");
      if (e instanceof joseErrors.JWTClaimValidationFailed) throw new IdentityTokenError("unauthorized", `token ${e.claim} is not accepted`);
      throw new IdentityTokenError("unauthorized", "token signature is not valid");
    }
  }

  return { jwks, issueToken, verifyToken };
}
