import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { AppError } from "../errors";

/** Who a verified bearer token says the caller is. */
export interface VerifiedIdentity {
  /** The Crossmint (or sandbox identity) user id: the token's `sub`. */
  sub: string;
  /** The `email` claim when the issuer includes one. */
  email: string | null;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export interface TokenVerifierConfig {
  jwksUrl: string;
  issuer: string;
  audience: string;
}

/** Crossmint and the sandbox issuer sign with RS256; ES256 is accepted for issuers that use P-256 keys. */
const ALGORITHMS = ["RS256", "ES256"];

const keySets = new Map<string, JWTVerifyGetKey>();

/** The JWKS endpoint failed (unreachable, slow, not a key set): a fault of the issuer, not of the token. */
class JwksUnavailable extends Error {
  override name = "JwksUnavailable";
}

/**
 * The remote JWKS for a URL, one per isolate: jose caches the keys (10 min), refetches on an unknown
 * `kid` at most every 30 s, and gives up on a slow JWKS endpoint after 5 s. Fetch failures are told
 * apart from verdicts on the token (workerd reports a refused connection as a plain Error).
 */
function keySetFor(url: string): JWTVerifyGetKey {
  let set = keySets.get(url);
  if (!set) {
    const remote = createRemoteJWKSet(new URL(url), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000, timeoutDuration: 5_000 });
    set = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (e) {
        // A key that is not in the set is a verdict; a timeout, a malformed set or a non-200 reply (the
        // generic JOSEError) is the endpoint failing.
        const verdict =
          e instanceof joseErrors.JOSEError &&
          !(e instanceof joseErrors.JWKSTimeout || e instanceof joseErrors.JWKSInvalid || e.code === "ERR_JOSE_GENERIC");
        if (verdict) throw e;
        throw new JwksUnavailable("JWKS unavailable", { cause: e });
      }
    };
    keySets.set(url, set);
  }
  return set;
}

const unauthorized = (message: string) => new AppError("unauthorized", message);

/**
 * Verifies a bearer JWT against the issuer's JWKS: a `kid` header, an RS256/ES256 signature by a published
 * key, the configured issuer and audience, `sub` and an unexpired `exp`. Throws 401 `token_expired` for an
 * expired token, 401 `unauthorized` for every other refusal, and 502 `upstream_unavailable` when the JWKS
 * cannot be fetched (the caller's token may be fine).
 */
export async function verifyUserToken(config: TokenVerifierConfig, jwt: string): Promise<VerifiedIdentity> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(jwt).kid;
  } catch {
    throw unauthorized("the bearer token is not a JWT");
  }
  if (!kid) throw unauthorized("the bearer token has no key id (kid)");
  try {
    const { payload } = await jwtVerify(jwt, keySetFor(config.jwksUrl), {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ALGORITHMS,
      requiredClaims: ["sub", "exp"],
    });
    return {
      sub: payload.sub!,
      email: typeof payload.email === "string" ? payload.email : null,
      exp: payload.exp!,
    };
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw new AppError("token_expired", "the bearer token has expired; sign in again");
    if (e instanceof JwksUnavailable) {
      throw new AppError("upstream_unavailable", "the identity provider's signing keys (JWKS) could not be fetched", { cause: e });
    }
    if (e instanceof joseErrors.JWTClaimValidationFailed) throw unauthorized(`the bearer token's ${e.claim} claim is not accepted`);
    if (e instanceof joseErrors.JWKSNoMatchingKey) throw unauthorized("the bearer token is signed by an unknown key");
    throw unauthorized("the bearer token's signature is not valid");
  }
}
