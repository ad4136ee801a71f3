import { errorItemsOf } from "../api/api-error";
import { AuthError, type AuthAdapter, type AuthErrorCode, type AuthUser, type CodeSent } from "./auth-adapter";

interface SignInReply {
  jwt: string;
  refreshToken: string;
  expiresAt: string;
  refreshExpiresAt: string;
  user: AuthUser;
}

/** Whether `value` has text at each of these keys (`user.id` reads one level down): what a reply must hold to be used. */
const hasText = (value: unknown, keys: string[]): boolean =>
  keys.every((key) => typeof key.split(".").reduce<any>((o, k) => o?.[k], value) === "string");

const isSignInReply = (v: unknown): v is SignInReply => hasText(v, ["jwt", "refreshToken", "expiresAt", "refreshExpiresAt", "user.id", "user.email"]);
const isCodeSent = (v: unknown): v is CodeSent => hasText(v, ["email", "expiresAt"]);
const isAnything = (_: unknown): _ is unknown => true;

/** What survives a reload: the refresh token (rotated on every use) and who it belongs to. Never the JWT. */
interface StoredSession {
  refreshToken: string;
  refreshExpiresAt: string;
  user: AuthUser;
}

/** Renew the JWT this long before it expires. */
const RENEW_MARGIN_MS = 60_000;

export interface SandboxAuthOptions {
  /** The sandbox identity issuer's URL, from the Worker's public config. */
  issuerUrl: string;
  /** Where the refresh token is kept between visits (default `localStorage`). */
  storage?: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  fetch?: typeof fetch;
}

/**
 * Sign-in through the sandbox identity issuer's HTTP API (`/otp/start`, `/otp/verify`, `/refresh`,
 * `/sign-out`). The refresh token is kept in storage so a reload restores the session; the JWT lives
 * only in memory. Renewals are serialised with a Web Lock, because the issuer revokes a sign-in whose
 * refresh token is used twice (two tabs, or two elements on one page, must not race).
 */
export function createSandboxAuth(options: SandboxAuthOptions): AuthAdapter {
  const issuer = options.issuerUrl.replace(/\/+$/, "");
  const storage = options.storage ?? localStorage;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const storageKey = `machines-card:sandbox-session:${issuer}`;
  let jwt: { value: string; expiresAt: number; refreshToken: string } | null = null;

  async function post<T>(path: string, body: unknown, isReply: (json: unknown) => json is T): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${issuer}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        credentials: "omit",
      });
    } catch (cause) {
      throw new AuthError("network_error", `could not reach the sandbox identity issuer at ${issuer}`, { cause });
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) {
      if (isReply(json)) return json;
      throw new AuthError("provider_error", `the identity issuer answered ${path} with an unexpected body`);
    }
    // The issuer's error reply: `{ errors: [{ code, message, field? }] }`; its first item says why.
    const [item] = errorItemsOf([(json as { errors?: unknown[] } | null)?.errors?.[0]]);
    const retryAfter = Number(response.headers.get("Retry-After")) || undefined;
    throw new AuthError(codeOf(item?.code, item?.field), item?.message ?? `the identity issuer answered ${response.status}`, {
      ...(item?.field ? { field: item.field } : {}),
      ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}),
    });
  }

  function keep(reply: SignInReply): AuthUser {
    const user = { id: reply.user.id, email: reply.user.email };
    jwt = { value: reply.jwt, expiresAt: Date.parse(reply.expiresAt), refreshToken: reply.refreshToken };
    const stored: StoredSession = { refreshToken: reply.refreshToken, refreshExpiresAt: reply.refreshExpiresAt, user };
    storage.setItem(storageKey, JSON.stringify(stored));
    return user;
  }

  function stored(): StoredSession | null {
    try {
      const value = JSON.parse(storage.getItem(storageKey) ?? "null") as StoredSession | null;
      return value && typeof value.refreshToken === "string" && Date.parse(value.refreshExpiresAt) > Date.now() ? value : null;
    } catch {
      return null;
    }
  }

  async function renewLocked(): Promise<SignInReply | null> {
    // Another tab may have rotated the token while we waited for the lock: use the latest one.
    const current = stored();
    if (!current) return null;
    try {
      return await post("/refresh", { refreshToken: current.refreshToken }, isSignInReply);
    } catch (error) {
      if (error instanceof AuthError && error.code === "session_expired") {
        storage.removeItem(storageKey);
        return null;
      }
      throw error;
    }
  }

  async function renew(): Promise<string | null> {
    const reply = navigator.locks ? await navigator.locks.request(storageKey, renewLocked) : await renewLocked();
    if (!reply) {
      jwt = null;
      return null;
    }
    keep(reply);
    return reply.jwt;
  }

  return {
    provider: "sandbox",
    async restore() {
      const session = stored();
      if (!session) return null;
      return (await renew()) ? session.user : null;
    },
    async sendCode(email): Promise<CodeSent> {
      const reply = await post("/otp/start", { email }, isCodeSent);
      return { email: reply.email, expiresAt: reply.expiresAt };
    },
    async verifyCode(email, code) {
      return keep(await post("/otp/verify", { email, code }, isSignInReply));
    },
    async token() {
      if (!jwt) return null;
      if (jwt.expiresAt - Date.now() > RENEW_MARGIN_MS) return jwt.value;
      return renew();
    },
    renew,
    async signOut() {
      const refreshToken = jwt?.refreshToken ?? stored()?.refreshToken;
      jwt = null;
      storage.removeItem(storageKey);
      if (refreshToken) await post("/sign-out", { refreshToken }, isAnything).catch(() => undefined);
    },
  };
}

function codeOf(code: string | undefined, field: string | undefined): AuthErrorCode {
  switch (code) {
    case "otp_invalid":
    case "otp_attempts_exceeded":
    case "rate_limited":
      return code;
    case "otp_expired":
    case "otp_used":
    case "otp_not_requested":
      return "otp_expired";
    case "refresh_invalid":
    case "refresh_expired":
    case "refresh_reused":
      return "session_expired";
    case "invalid_request":
      return field === "email" ? "invalid_email" : field === "code" ? "otp_invalid" : "provider_error";
    default:
      return "provider_error";
  }
}
