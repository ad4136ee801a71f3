import type { Hono } from "hono";
import type { JSONWebKeySet } from "jose";
import type { IdentityState, IdentityStateStore } from "./identity-state";
import { createOtpBook, DEFAULT_OTP_POLICY, type OtpCodeView, type OtpPolicy } from "./otp-codes";
import { otpRoutes } from "./otp.routes";
import { createRefreshSessions, DEFAULT_REFRESH_POLICY, type RefreshPolicy } from "./refresh-sessions";
import type { SignInReply } from "./schemas";
import { serviceApp } from "./service-http";
import { sessionRoutes } from "./session.routes";
import { generateSigningKey, importSigningKey } from "./signing-key";
import { createTokenMinter, type IdentityClaims, type IssueTokenParameters } from "./tokens";
import { normaliseEmail, userIdForEmail } from "./user-id";

export const DEFAULT_ISSUER = "http://127.0.0.1:8788/identity";
export const DEFAULT_AUDIENCE = "machines-card-sandbox";
export const DEFAULT_TOKEN_TTL_SECONDS = 15 * 60;

export interface IdentityIssuerOptions {
  /** `iss` of every token, and the base the JWKS URL is built on (default `http://127.0.0.1:8788/identity`). */
  issuer?: string;
  /** `aud` of every token (default `machines-card-sandbox`). */
  audience?: string;
  /** JWT life in seconds (default 900). */
  tokenTtlSeconds?: number;
  otp?: Partial<OtpPolicy>;
  refresh?: Partial<RefreshPolicy>;
  /** Keeps the signing key and refresh sessions across restarts (see `fileIdentityStore`); memory only without it. */
  store?: IdentityStateStore;
  /** Where sign-in codes are printed, standing in for the email (default `console.info`). */
  logger?: (line: string) => void;
  /** Serve `GET /otp/codes` for the sandbox page (default true). */
  exposeCodes?: boolean;
  /** The clock, in ms since the epoch (tests move it to expire codes and tokens). */
  now?: () => number;
}

export interface IdentityIssuer {
  /** Hono app to mount at `/identity` (its routes are relative to the issuer URL). */
  app: Hono;
  issuer: string;
  audience: string;
  /** `<issuer>/.well-known/jwks.json` */
  jwksUrl: string;
  /** `kid` of the current signing key. */
  kid: string;
  jwks: JSONWebKeySet;
  /** Mints a token; the parameters can bend every claim (see `createTestTokens`). */
  issueToken(p: IssueTokenParameters): Promise<string>;
  /** Verifies a token like the Worker does (kid, RS256, issuer, audience, expiry); throws `IdentityTokenError`. */
  verifyToken(jwt: string): Promise<IdentityClaims>;
  /** Signs an email in without a code (tests and scripted journeys): the same reply as `POST /otp/verify`. */
  signIn(email: string): Promise<SignInReply>;
  /** The stable `sub` for an email. */
  userIdForEmail(email: string): Promise<string>;
  /** The latest code per email (what `GET /otp/codes` lists). */
  latestCodes(): OtpCodeView[];
}

/**
 * The development identity issuer: email one-time codes, short-lived RS256 JWTs with a `kid`, a JWKS,
 * and refresh tokens. Only Web APIs, so it runs in Node and in workerd alike.
 *
 * @example
 * const identity = await createIdentityIssuer({ store: fileIdentityStore(".sandbox") });
 * sandbox.route("/identity", identity.app);
 */
export async function createIdentityIssuer(options: IdentityIssuerOptions = {}): Promise<IdentityIssuer> {
  const issuer = (options.issuer ?? DEFAULT_ISSUER).replace(/\/+$/, "");
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  const now = options.now ?? Date.now;
  const log = options.logger ?? ((line: string) => console.info(line));
  const otpPolicy = { ...DEFAULT_OTP_POLICY, ...options.otp };
  const store = options.store;

  const state: IdentityState = (await store?.load()) ?? {};
  let persist = false;
  if (!state.signingKey) {
    state.signingKey = (await generateSigningKey(new Date(now()))).stored;
    persist = true;
  }
  const key = await importSigningKey(state.signingKey);
  const ttlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const minter = createTokenMinter({ key, issuer, audience, ttlSeconds, now });

  const refresh = createRefreshSessions(
    { ...DEFAULT_REFRESH_POLICY, ...options.refresh },
    now,
    state.refreshSessions ?? [],
    async (records) => {
      state.refreshSessions = records;
      await store?.save(state);
    },
  );
  if (persist) await store?.save(state);

  async function reply(user: { sub: string; email: string }, r: { token: string; expiresAt: number }): Promise<SignInReply> {
    const iat = Math.floor(now() / 1000);
    return {
      jwt: await minter.issueToken({ ...user, iat }),
      refreshToken: r.token,
      expiresAt: new Date((iat + ttlSeconds) * 1000).toISOString(),
      refreshExpiresAt: new Date(r.expiresAt).toISOString(),
      user: { id: user.sub, email: user.email },
    };
  }

  async function signIn(email: string): Promise<SignInReply> {
    const user = { sub: await userIdForEmail(email), email: normaliseEmail(email) };
    return reply(user, await refresh.issue(user));
  }

  const otp = createOtpBook(otpPolicy, now);
  const app = serviceApp({ label: "identity", maxBodyBytes: 16 * 1024 });
  app.get("/.well-known/jwks.json", (c) => {
    // Short enough that a rotated key (new state directory) is picked up within minutes.
    c.header("Cache-Control", "public, max-age=300");
    return c.json(minter.jwks);
  });
  app.route(
    "/otp",
    otpRoutes({ otp, signIn, log, codeTtlMinutes: Math.round(otpPolicy.codeTtlMs / 60_000), exposeCodes: options.exposeCodes ?? true }),
  );
  app.route("/", sessionRoutes({ refresh, reply, verifyToken: minter.verifyToken }));

  return {
    app,
    issuer,
    audience,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    kid: key.kid,
    jwks: minter.jwks,
    issueToken: minter.issueToken,
    verifyToken: minter.verifyToken,
    signIn,
    userIdForEmail,
    latestCodes: otp.list,
  };
}
