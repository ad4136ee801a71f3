import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { SimulatorSecrets } from "./secrets";

/**
 * Session tokens: HS256 JWTs (`sub` user id, `sid` session id, `scp` scopes, `iat`, `exp`) signed
 * with a key derived from the sandbox secret. Partners must treat them as opaque.
 */
const ISSUER = "machines-partner-sandbox";

export interface SessionClaims {
  userId: string;
  sessionId: string;
  scopes: string[];
  expiresAtSeconds: number;
}

export type SessionTokenFailure = "expired" | "invalid";

export function createSessionTokens(secrets: SimulatorSecrets) {
  const key = () => secrets.derive("session-token");

  return {
    async sign(p: SessionClaims & { issuedAtSeconds: number }): Promise<string> {
      return new SignJWT({ sid: p.sessionId, scp: p.scopes })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setIssuer(ISSUER)
        .setSubject(p.userId)
        .setIssuedAt(p.issuedAtSeconds)
        .setExpirationTime(p.expiresAtSeconds)
        .sign(await key());
    },

    async verify(token: string, nowMs: number): Promise<SessionClaims | SessionTokenFailure> {
      try {
        const { payload } = await jwtVerify(token, await key(), {
          algorithms: ["HS256"],
          issuer: ISSUER,
          currentDate: new Date(nowMs),
          requiredClaims: ["sub", "exp"],
        });
        if (typeof payload.sid !== "string" || !Array.isArray(payload.scp)) return "invalid";
        return {
          userId: payload.sub!,
          sessionId: payload.sid,
          scopes: payload.scp.filter((scope): scope is string => typeof scope === "string"),
          expiresAtSeconds: payload.exp!,
        };
      } catch (error) {
        return error instanceof joseErrors.JWTExpired ? "expired" : "invalid";
      }
    },
  };
}

export type SessionTokens = ReturnType<typeof createSessionTokens>;
