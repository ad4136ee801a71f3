import { BaseError } from "../base-error";

/** Who is signed in, as the identity provider says. Never holds a token. */
export interface AuthUser {
  id: string;
  email: string | null;
}

/**
 * Codes an auth adapter raises. The sandbox issuer and Crossmint both map onto these, so the sign-in
 * step shows one message per code whichever provider runs.
 */
export type AuthErrorCode =
  /** The email is not a valid address. */
  | "invalid_email"
  /** The code is wrong (`attemptsLeft` may say how many tries remain). */
  | "otp_invalid"
  /** The code expired or was already used: ask for a new one. */
  | "otp_expired"
  /** Too many wrong codes: ask for a new one. */
  | "otp_attempts_exceeded"
  /** Too many codes requested: wait `retryAfterSeconds`. */
  | "rate_limited"
  /** The session could not be renewed: sign in again. */
  | "session_expired"
  /** The identity provider could not be reached. */
  | "network_error"
  /** The provider answered something unexpected, or its SDK failed. */
  | "provider_error";

export class AuthError extends BaseError {
  override name = "AuthError";
  declare readonly code: AuthErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly attemptsLeft: number | undefined;

  constructor(
    code: AuthErrorCode,
    message: string,
    options: { field?: string; cause?: unknown; retryAfterSeconds?: number; attemptsLeft?: number } = {},
  ) {
    super(code, message, options);
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.attemptsLeft = options.attemptsLeft;
  }
}

/** What `sendCode` reports back, for the "we sent a code to…" screen. */
export interface CodeSent {
  email: string;
  /** When the code stops working, if the provider says. */
  expiresAt: string | null;
}

/**
 * Email one-time-code sign-in, whichever provider runs it (the sandbox issuer, Crossmint).
 * The JWT stays inside the adapter: callers get it only through `token()`, to put in a header.
 */
export interface AuthAdapter {
  readonly provider: "sandbox" | "crossmint";
  /** Restores an earlier session (after a reload) if there is one; null when nobody is signed in. */
  restore(): Promise<AuthUser | null>;
  /** Sends a one-time code to the email. */
  sendCode(email: string): Promise<CodeSent>;
  /** Checks the code; on success the user is signed in and the session is kept for reloads. */
  verifyCode(email: string, code: string): Promise<AuthUser>;
  /** The current JWT, renewed when it is about to expire; null when signed out. */
  token(): Promise<string | null>;
  /** Renews the JWT now (after the Worker answered 401); null when the session is over. */
  renew(): Promise<string | null>;
  /** Ends the session here and at the provider. */
  signOut(): Promise<void>;
}
