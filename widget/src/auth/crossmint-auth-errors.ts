import { AuthError } from "./auth-adapter";

/**
 * How Crossmint answered the SDK's last request. The SDK's own errors carry only a sentence (for a
 * refusal, Crossmint's `message`; for 5xx, "API request failed: 503 …"; offline, the browser's fetch
 * text), so the adapter watches the request itself and maps by status, never by the SDK's wording.
 */
export interface CrossmintOutcome {
  /** The HTTP status; 0 when Crossmint could not be reached. */
  status: number;
  /** From `Retry-After`, when Crossmint exposes it. */
  retryAfterSeconds?: number;
  /** Crossmint's `message` on a refusal, read only to tell an expired code from a wrong one. */
  message?: string;
}

/** Reads what the SDK reads of a refusal (`{ message }`), without consuming the SDK's body. */
export async function outcomeOf(response: Response): Promise<CrossmintOutcome> {
  const outcome: CrossmintOutcome = { status: response.status };
  const retryAfter = Number(response.headers.get("Retry-After"));
  if (retryAfter > 0) outcome.retryAfterSeconds = retryAfter;
  if (!response.ok) {
    const body = (await response.clone().json().catch(() => null)) as { message?: unknown } | null;
    if (typeof body?.message === "string") outcome.message = body.message;
  }
  return outcome;
}

const unreachable = (what: string, cause: unknown) =>
  new AuthError("network_error", `Crossmint could not be reached to ${what} (offline, or the connection was refused)`, { cause });
const down = (what: string, status: number, cause: unknown) =>
  new AuthError("provider_error", `Crossmint's sign-in service failed to ${what} (HTTP ${status}); try again in a moment`, { cause });

/** Sending a code: only the email and the page's client key can be wrong. */
export function sendCodeError(outcome: CrossmintOutcome | null, cause?: unknown): AuthError {
  const status = outcome?.status ?? -1;
  if (status === 0) return unreachable("send the code", cause);
  if (status === 429) {
    return new AuthError("rate_limited", "Crossmint refused to send another code so soon (HTTP 429)", {
      cause,
      ...(outcome?.retryAfterSeconds ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}),
    });
  }
  if (status === 401 || status === 403) {
    return new AuthError(
      "provider_error",
      `Crossmint refused this page's client key (HTTP ${status}): check the key, and that this page's origin is allowed for it in the Crossmint console`,
      { cause },
    );
  }
  if (status === 400 || status === 422) return new AuthError("invalid_email", `Crossmint did not accept the email address (HTTP ${status})`, { field: "email", cause });
  if (status >= 500) return down("send the code", status, cause);
  return new AuthError("provider_error", `Crossmint could not send the code${status > 0 ? ` (HTTP ${status})` : ""}`, { cause });
}

/** Checking a code: the key already worked for sending it, so a refusal is about the code. */
export function verifyCodeError(outcome: CrossmintOutcome | null, cause?: unknown): AuthError {
  const status = outcome?.status ?? -1;
  if (status === 0) return unreachable("check the code", cause);
  if (status === 429) return new AuthError("otp_attempts_exceeded", "Crossmint refused more tries of this code (HTTP 429); send a new code", { field: "code", cause });
  if (status >= 500) return down("check the code", status, cause);
  if (status >= 400) {
    // Crossmint does not document a code for this; its message is the only difference.
    if (/expired|already used|no longer valid/i.test(outcome?.message ?? "")) {
      return new AuthError("otp_expired", `the code expired or was already used (HTTP ${status}); send a new code`, { field: "code", cause });
    }
    return new AuthError("otp_invalid", `Crossmint did not accept the code (HTTP ${status})`, { field: "code", cause });
  }
  return new AuthError("provider_error", "Crossmint answered the code with something unexpected", { cause });
}

/** Starting the session after the code was accepted (`refresh` with the one-time secret). */
export function startSessionError(outcome: CrossmintOutcome | null, cause?: unknown): AuthError {
  const status = outcome?.status ?? -1;
  if (status === 0) return unreachable("start the session", cause);
  if (status >= 500) return down("start the session", status, cause);
  return new AuthError("provider_error", `Crossmint accepted the code but did not start a session${status > 0 ? ` (HTTP ${status})` : ""}`, { cause });
}
