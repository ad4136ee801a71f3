import * as z from "zod/mini";

/** An email as typed: surrounding spaces and case do not matter. */
export const Email = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email());

export const OtpStartBody = z.object({ email: Email });

export const OtpVerifyBody = z.object({
  email: Email,
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/, { error: "must be 6 digits" })),
});

export const RefreshBody = z.object({ refreshToken: z.string().check(z.minLength(1), z.maxLength(512)) });

/** The reply of a successful sign-in or refresh. */
export interface SignInReply {
  jwt: string;
  refreshToken: string;
  /** When the JWT expires (ISO 8601); refresh before then. */
  expiresAt: string;
  /** When the refresh token expires (ISO 8601). */
  refreshExpiresAt: string;
  user: { id: string; email: string };
}
