import { AuthError, type AuthAdapter, type AuthUser } from "./auth-adapter";
import { outcomeOf, sendCodeError, startSessionError, verifyCodeError, type CrossmintOutcome } from "./crossmint-auth-errors";

export interface CrossmintAuthOptions {
  /** The partner's public Crossmint client key, from the Worker's public config. */
  clientApiKey: string;
}

/** Renew the JWT this long before it expires (the SDK also schedules its own refresh). */
const RENEW_MARGIN_MS = 60_000;

type Sdk = typeof import("@crossmint/client-sdk-auth");
type Crossmint = ReturnType<Sdk["createCrossmint"]>;

/** The Crossmint context for a client key, or an AuthError a partner can act on (never repeating the key). */
export function crossmintFor(sdk: Pick<Sdk, "createCrossmint">, clientApiKey: string): Crossmint {
  const refuse = () =>
    new AuthError("provider_error", "the Crossmint client key in the Worker's configuration (CROSSMINT_CLIENT_API_KEY) is not a valid client key (ck_…)");
  // A server key (sk_…) is valid to the SDK, but must never reach a browser.
  if (!clientApiKey.startsWith("ck_")) throw refuse();
  try {
    return sdk.createCrossmint({ apiKey: clientApiKey });
  } catch {
    throw refuse();
  }
}

/**
 * Email one-time-code sign-in through Crossmint (`@crossmint/client-sdk-auth`). The SDK is imported
 * only when this adapter is created, so the sandbox and pages that never reach production never load it.
 * The SDK keeps its refresh material in its own cookies, which is how the session survives reloads.
 */
export async function createCrossmintAuth(options: CrossmintAuthOptions): Promise<AuthAdapter> {
  let sdk: Sdk;
  try {
    sdk = await import("@crossmint/client-sdk-auth");
  } catch (cause) {
    throw new AuthError("provider_error", "the Crossmint auth SDK could not be loaded; install @crossmint/client-sdk-auth", { cause });
  }
  const crossmint = crossmintFor(sdk, options.clientApiKey);

  // The SDK's errors carry only a sentence: watch its requests (all POSTs) to map failures by status.
  let outcome: CrossmintOutcome | null = null;
  const api = sdk.CrossmintAuth.defaultApiClient(crossmint);
  const post = api.post.bind(api);
  api.post = async (path, init) => {
    outcome = null;
    try {
      const response = await post(path, init);
      outcome = await outcomeOf(response);
      return response;
    } catch (error) {
      // The SDK's API client throws ApiClientError (with `status`) for 5xx; fetch throws without one when offline.
      outcome = { status: (error as { status?: number }).status ?? 0 };
      throw error;
    }
  };
  // `from()` would build its own API client (and refresh on a timer we do not need: `restore()` does it).
  class ObservedCrossmintAuth extends sdk.CrossmintAuth {
    static create(config: Parameters<Sdk["CrossmintAuth"]["from"]>[1]) {
      return new ObservedCrossmintAuth(crossmint, api, config);
    }
  }

  let jwt: { value: string; expiresAt: number } | null = null;
  const emailIds = new Map<string, string>();
  const keep = (material: { jwt: string }) => {
    jwt = { value: material.jwt, expiresAt: (sdk.getJWTExpiration(material.jwt) ?? 0) * 1000 };
  };
  const auth = ObservedCrossmintAuth.create({ callbacks: { onTokenRefresh: keep, onLogout: () => (jwt = null) } });

  // Read through a function: the SDK's callbacks replace `jwt` behind TypeScript's back.
  const currentJwt = (): string | null => jwt?.value ?? null;
  const lastOutcome = (): CrossmintOutcome | null => outcome;

  /** The SDK ends the session itself (cookies cleared, logout sent) when a refresh fails for any reason. */
  async function refresh(secret?: string): Promise<AuthUser | null> {
    const material = await auth.handleRefreshAuthMaterial(secret);
    if (!material) return null;
    keep(material);
    return { id: material.user.id, email: material.user.email ?? null };
  }

  return {
    provider: "crossmint",
    restore: () => refresh(),
    async sendCode(email) {
      let reply: { emailId?: unknown };
      try {
        reply = (await auth.sendEmailOtp(email)) as { emailId?: unknown };
      } catch (cause) {
        throw sendCodeError(lastOutcome(), cause);
      }
      if (typeof reply.emailId !== "string") throw new AuthError("provider_error", "Crossmint sent the code but did not say which (no emailId)");
      emailIds.set(email, reply.emailId);
      return { email, expiresAt: null };
    },
    async verifyCode(email, code) {
      const emailId = emailIds.get(email);
      if (!emailId) throw new AuthError("otp_expired", "no code was sent to this email here; request a new one", { field: "code" });
      let secret: unknown;
      try {
        secret = await auth.confirmEmailOtp(email, emailId, code);
      } catch (cause) {
        throw verifyCodeError(lastOutcome(), cause);
      }
      if (typeof secret !== "string") throw new AuthError("provider_error", "Crossmint accepted the code but sent no one-time secret");
      const user = await refresh(secret);
      if (!user) throw startSessionError(lastOutcome());
      emailIds.delete(email);
      return user;
    },
    async token() {
      if (jwt && jwt.expiresAt - Date.now() > RENEW_MARGIN_MS) return jwt.value;
      return (await refresh()) ? currentJwt() : null;
    },
    async renew() {
      return (await refresh()) ? currentJwt() : null;
    },
    async signOut() {
      jwt = null;
      emailIds.clear();
      await auth.logout();
    },
  };
}
