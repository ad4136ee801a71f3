import * as z from "zod/mini";
import { boundedText, EvmAddress, requiredMessage, Timestamp, Wallet } from "./common";

/** `POST /sessions` (header `X-Partner-Key`): mints a short-lived session token for one user. */

/** The partner session scope enum of the docs. */
export const PARTNER_SCOPES = [
  "users.read",
  "users.write",
  "kyc.read",
  "kyc.write",
  "cards.read",
  "cards.write",
  "cards.secrets.read",
  "encryption.read",
  "encryption.write",
  "deposits.read",
  "deposits.write",
  "withdrawals.write",
] as const;
/** Scopes seen in use outside the enum: `/transactions`, the example's defaults, the quickstart's card session. */
export const EXTRA_SCOPES = ["transactions.read", "balances.read", "crypto.read", "crypto.write"] as const;
export const SESSION_SCOPES = [...PARTNER_SCOPES, ...EXTRA_SCOPES] as const;
export const Scope = z.enum(SESSION_SCOPES);
export type Scope = z.infer<typeof Scope>;

/**
 * The scopes a partner should request (§12): the partner enum, plus `transactions.read`, which the docs
 * require for `GET /transactions`. Not `balances.read` (balances need no scope) nor `crypto.*`.
 */
export const REQUESTABLE_SCOPES = [...PARTNER_SCOPES, "transactions.read"] as const satisfies readonly Scope[];
export type RequestableScope = (typeof REQUESTABLE_SCOPES)[number];

/** The only scopes a session may carry before KYC is approved (others give 409 "kyc required"). */
export const KYC_SCOPES = ["kyc.read", "kyc.write"] as const satisfies readonly Scope[];

export const SESSION_TTL_SECONDS = { min: 60, max: 86_400, default: 900 } as const;

const Scopes = z.array(Scope, { error: requiredMessage }).check(z.minLength(1, { error: "must list at least one scope" }));
const TtlSeconds = z.optional(
  z.int({ error: "must be a whole number of seconds" }).check(
    z.minimum(SESSION_TTL_SECONDS.min, { error: `must be between ${SESSION_TTL_SECONDS.min} and ${SESSION_TTL_SECONDS.max}` }),
    z.maximum(SESSION_TTL_SECONDS.max, { error: `must be between ${SESSION_TTL_SECONDS.min} and ${SESSION_TTL_SECONDS.max}` }),
  ),
);

/** The docs' body. */
export const SessionCreateDocsRequest = z.object({
  userId: boundedText(120),
  scopes: Scopes,
  walletAddress: EvmAddress,
  ttlSeconds: TtlSeconds,
  sessionLabel: z.optional(z.string().check(z.maxLength(120, { error: "must be at most 120 characters" }))),
});
export type SessionCreateDocsRequest = z.infer<typeof SessionCreateDocsRequest>;

/** The public example's body. */
export const SessionCreateExampleRequest = z.object({
  externalUserId: boundedText(120),
  wallet: Wallet,
  scopes: Scopes,
  ttlSeconds: TtlSeconds,
});
export type SessionCreateExampleRequest = z.infer<typeof SessionCreateExampleRequest>;

export const SessionCreateRequest = z.union([SessionCreateDocsRequest, SessionCreateExampleRequest]);
export type SessionCreateRequest = z.infer<typeof SessionCreateRequest>;

/**
 * Which documented shape a raw body follows: the example's (`externalUserId`/`wallet`) or the docs'.
 * Lets a server validate against one shape and report the fields of that shape.
 */
export function isExampleShapedBody(body: unknown): boolean {
  return typeof body === "object" && body !== null && ("externalUserId" in body || "wallet" in body);
}

export const SessionData = z.object({
  sessionToken: z.string(),
  sessionId: z.string(),
  userId: z.string(),
  /** ISO, whole seconds (`…:52.000Z`). */
  expiresAt: Timestamp,
  scopes: z.array(z.string()),
  /** Only in the example's replies. */
  wallet: z.optional(z.nullable(Wallet)),
});
export type SessionData = z.infer<typeof SessionData>;
