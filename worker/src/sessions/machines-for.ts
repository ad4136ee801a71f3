import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { MachinesCaller } from "../upstream/machines/machines-caller";
import { machinesTransport } from "../upstream/machines/transport";
import type { SessionKind } from "../users/partner-user";
import type { UserContext } from "../users/user-context";
import { KycRequiredError, PartnerSessions, SESSION_RENEW_MARGIN_MS, type PartnerSessionDeps } from "./partner-sessions";
import { sessionCaller } from "./session-caller";

/**
 * Which partner session a call needs: `kyc` (KYC and agreements), `card` (cards, encryption,
 * transactions, withdrawals; 409 `kyc_required` before approval), or `any` for calls Machines serves
 * with either (balances, deposits): the card session once KYC is approved, the KYC session before.
 */
export type SessionChoice = SessionKind | "any";

const sessionsOf = new WeakMap<UserContext, PartnerSessions>();

function partnerSessions(deps: PartnerSessionDeps, ctx: UserContext): PartnerSessions {
  let sessions = sessionsOf.get(ctx);
  if (!sessions) {
    sessions = new PartnerSessions(deps, ctx);
    sessionsOf.set(ctx, sessions);
  }
  return sessions;
}

function cardSessionLikely(ctx: UserContext): boolean {
  const card = ctx.sessions.card;
  return ctx.user.kycStatus === "approved" || (card !== undefined && card.expiresAt - Date.now() > SESSION_RENEW_MARGIN_MS);
}

/**
 * A Machines caller for this user outside a request (the reconciliation cron): same sessions, same cache.
 *
 * @example
 * const machines = machinesForUser({ db: env.DB, settings, waitUntil: ctx.waitUntil.bind(ctx) }, userContext, "card");
 */
export function machinesForUser(deps: PartnerSessionDeps, ctx: UserContext, choice: SessionChoice): MachinesCaller {
  const transport = machinesTransport(deps.settings, deps.requestId);
  const sessions = partnerSessions(deps, ctx);
  if (choice !== "any") return sessionCaller(transport, sessions, choice);
  return {
    async call(endpoint, ...input) {
      if (cardSessionLikely(ctx)) {
        try {
          return await sessionCaller(transport, sessions, "card").call(endpoint, ...input);
        } catch (e) {
          // Thrown while minting, before anything was sent: falling back is safe.
          if (!(e instanceof KycRequiredError)) throw e;
        }
      }
      return sessionCaller(transport, sessions, "kyc").call(endpoint, ...input);
    },
  };
}

/**
 * The Machines caller for the signed-in user of this request, with the partner session `choice` names.
 *
 * @example
 * const status = await machinesFor(c, "kyc").call(machinesApi.getKycStatus);
 */
export function machinesFor(c: Context<AppEnv>, choice: SessionChoice): MachinesCaller {
  return machinesForUser(
    { db: c.env.DB, settings: c.get("settings"), requestId: c.get("requestId"), waitUntil: (p) => c.executionCtx.waitUntil(p) },
    c.get("user"),
    choice,
  );
}
