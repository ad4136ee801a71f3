import { AuthError, type AuthAdapter, type AuthUser } from "./auth-adapter";

export interface CrossmintAuthOptions {
  /** The partner's public Crossmint client key, from the Worker's public config. */
  clientApiKey: string;
}

/** Renew the JWT this long before it expires (the SDK also schedules its own refresh). */
const RENEW_MARGIN_MS = 60_000;

/**
 * Email one-time-code sign-in through Crossmint (`@crossmint/client-sdk-auth`). The SDK is imported
 * only when this adapter is created, so the sandbox and pages that never reach production never load it.
 * The SDK keeps its refresh material in its own cookies, which is how the session survives reloads.
 */
export async function createCrossmintAuth(options: CrossmintAuthOptions): Promise<AuthAdapter> {
  let sdk: typeof import("@crossmint/client-sdk-auth");
  try {
    sdk = await import("@crossmint/client-sdk-auth");
  } catch (cause) {
    throw new AuthError("provider_error", "the Crossmint auth SDK could not be loaded; install @crossmint/client-sdk-auth", { cause });
  }
  let jwt: { value: string; expiresAt: number } | null = null;
  const emailIds = new Map<string, string>();
  const keep = (material: { jwt: string }) => {
    jwt = { value: material.jwt, expiresAt: (sdk.getJWTExpiration(material.jwt) ?? 0) * 1000 };
  };
  const auth = sdk.CrossmintAuth.from(sdk.createCrossmint({ apiKey: options.clientApiKey }), {
    callbacks: { onTokenRefresh: keep, onLogout: () => (jwt = null) },
  });

  // Read through a function: the SDK's callbacks replace `jwt` behind TypeScript's back.
  const currentJwt = (): string | null => jwt?.value ?? null;

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
      try {
        const reply = (await auth.sendEmailOtp(email)) as { emailId?: string };
        if (!reply.emailId) throw new Error("no emailId in the reply");
        emailIds.set(email, reply.emailId);
        return { email, expiresAt: null };
      } catch (cause) {
        throw new AuthError("provider_error", `Crossmint could not send a code: ${(cause as Error).message}`, { cause, field: "email" });
      }
    },
    async verifyCode(email, code) {
      const emailId = emailIds.get(email);
      if (!emailId) throw new AuthError("otp_expired", "no code was sent to this email here; request a new one", { field: "code" });
      let secret: string;
      try {
        secret = (await auth.confirmEmailOtp(email, emailId, code)) as string;
      } catch (cause) {
        throw new AuthError("otp_invalid", "Crossmint did not accept the code", { cause, field: "code" });
      }
      const user = await refresh(secret);
      if (!user) throw new AuthError("provider_error", "Crossmint accepted the code but did not start a session");
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
      await auth.logout();
    },
  };
}
