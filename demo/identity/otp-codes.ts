/**
 * One-time sign-in codes, standing in for the email Crossmint would send. Only the latest code of
 * an email is valid; each allows a few attempts; each email may ask for a few codes per window.
 */

export interface OtpPolicy {
  /** How long a code stays valid, in ms (default 10 min). */
  codeTtlMs: number;
  /** Wrong guesses before the code is burnt (default 5). */
  maxAttempts: number;
  /** Codes one email may request per window (default 5 per 15 min). */
  maxCodesPerWindow: number;
  windowMs: number;
}

export const DEFAULT_OTP_POLICY: OtpPolicy = {
  codeTtlMs: 10 * 60_000,
  maxAttempts: 5,
  maxCodesPerWindow: 5,
  windowMs: 15 * 60_000,
};

/** The latest code of an email, as the sandbox page shows it. */
export interface OtpCodeView {
  email: string;
  code: string;
  createdAt: string;
  expiresAt: string;
  attemptsLeft: number;
  status: "pending" | "used" | "expired" | "locked";
}

export type OtpStartResult =
  | { ok: true; code: string; expiresAt: number }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export type OtpVerifyResult =
  | { ok: true }
  | { ok: false; reason: "otp_not_requested" | "otp_expired" | "otp_used" | "otp_attempts_exceeded" }
  | { ok: false; reason: "otp_invalid"; attemptsLeft: number };

interface Entry {
  code: string;
  createdAt: number;
  expiresAt: number;
  attempts: number;
  used: boolean;
}

/** A uniformly random 6-digit code (rejection sampling, so no digit pattern is likelier). */
export function randomSixDigitCode(): string {
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    if (buf[0]! < limit) return String(buf[0]! % 1_000_000).padStart(6, "0");
  }
}

/** Compares in time independent of where the strings differ. */
function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function createOtpBook(policy: OtpPolicy, now: () => number) {
  const latest = new Map<string, Entry>();
  const requests = new Map<string, number[]>();

  /** Forgets emails with no live code and no recent request, so the book stays small. */
  function prune(t: number) {
    for (const [email, e] of latest) {
      if (e.expiresAt + policy.windowMs < t) latest.delete(email);
    }
    for (const [email, at] of requests) {
      if ((at[at.length - 1] ?? 0) + policy.windowMs < t) requests.delete(email);
    }
  }

  function start(email: string): OtpStartResult {
    const t = now();
    prune(t);
    const recent = (requests.get(email) ?? []).filter((at) => at > t - policy.windowMs);
    if (recent.length >= policy.maxCodesPerWindow) {
      const retryAfterSeconds = Math.max(1, Math.ceil((recent[0]! + policy.windowMs - t) / 1000));
      requests.set(email, recent);
      return { ok: false, reason: "rate_limited", retryAfterSeconds };
    }
    recent.push(t);
    requests.set(email, recent);
    const entry: Entry = { code: randomSixDigitCode(), createdAt: t, expiresAt: t + policy.codeTtlMs, attempts: 0, used: false };
    latest.set(email, entry);
    return { ok: true, code: entry.code, expiresAt: entry.expiresAt };
  }

  function verify(email: string, code: string): OtpVerifyResult {
    const entry = latest.get(email);
    if (!entry) return { ok: false, reason: "otp_not_requested" };
    if (entry.used) return { ok: false, reason: "otp_used" };
    if (now() >= entry.expiresAt) return { ok: false, reason: "otp_expired" };
    if (entry.attempts >= policy.maxAttempts) return { ok: false, reason: "otp_attempts_exceeded" };
    if (!sameCode(entry.code, code)) {
      entry.attempts += 1;
      const attemptsLeft = policy.maxAttempts - entry.attempts;
      return attemptsLeft > 0 ? { ok: false, reason: "otp_invalid", attemptsLeft } : { ok: false, reason: "otp_attempts_exceeded" };
    }
    entry.used = true;
    return { ok: true };
  }

  function list(): OtpCodeView[] {
    const t = now();
    return [...latest.entries()]
      .map(([email, e]) => ({
        email,
        code: e.code,
        createdAt: new Date(e.createdAt).toISOString(),
        expiresAt: new Date(e.expiresAt).toISOString(),
        attemptsLeft: Math.max(0, policy.maxAttempts - e.attempts),
        status: e.used ? "used" : t >= e.expiresAt ? "expired" : e.attempts >= policy.maxAttempts ? "locked" : "pending",
      }) satisfies OtpCodeView)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  return { start, verify, list };
}

export type OtpBook = ReturnType<typeof createOtpBook>;
