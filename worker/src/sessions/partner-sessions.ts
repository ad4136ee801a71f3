import { dataKey, seal, unseal } from "../crypto/sealed-box";
import { AppError } from "../errors";
import { log } from "../logging/log";
import type { Settings } from "../settings/settings";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import { isKycRequired } from "../upstream/machines/errors";
import { partnerCaller } from "../upstream/machines/machines-caller";
import { machinesTransport } from "../upstream/machines/transport";
import type { CachedSession, SessionKind } from "../users/partner-user";
import type { UserContext } from "../users/user-context";
import { userCache } from "../users/user-cache";
import { saveKycStatus } from "../users/users.queries";
import { openedTokens } from "./opened-tokens";
import { deleteSession, saveSession } from "./partner-sessions.queries";

/** A cached session is used until this long before it expires, so no call starts on a token about to lapse. */
export const SESSION_RENEW_MARGIN_MS = 60_000;

export interface PartnerSessionDeps {
  db: D1Database;
  settings: Settings;
  requestId?: string;
  /** Runs bookkeeping writes after the reply: the request's (or the cron event's) `waitUntil`. */
  waitUntil: (promise: Promise<unknown>) => void;
}

export interface SessionToken {
  kind: SessionKind;
  sessionId: string;
  token: string;
}

/** Thrown when a card session is asked for before KYC approval (Machines' 409 "kyc required"). */
export class KycRequiredError extends AppError {
  override name = "KycRequiredError";
  constructor() {
    super("kyc_required", "complete identity verification (KYC) first");
  }
}

/**
 * A user's Machines partner sessions, server-side only. `token(kind)` answers from the D1 cache (already
 * loaded with the user: no query) while the session has more than a minute left, and otherwise mints one
 * with `POST /sessions` (KYC scopes for `kyc`, card and crypto scopes for `card`), seals the token with
 * AES-256-GCM and stores it. Tokens never leave this object except as the bearer of a Machines call.
 */
export class PartnerSessions {
  private readonly opened = new Map<SessionKind, SessionToken>();

  constructor(
    private readonly deps: PartnerSessionDeps,
    private readonly ctx: UserContext,
  ) {}

  private context(kind: SessionKind): string {
    return `partner-session:${this.ctx.user.partnerUserId}:${kind}`;
  }

  private later(promise: Promise<unknown>): void {
    const guarded = promise.catch((e: unknown) => log.warn("session_bookkeeping_failed", { requestId: this.deps.requestId, error: (e as Error)?.name }));
    this.deps.waitUntil(guarded);
  }

  /** A live token of this kind: cached, or freshly minted. Throws `KycRequiredError` for `card` before approval. */
  async token(kind: SessionKind): Promise<SessionToken> {
    const open = this.opened.get(kind);
    if (open) return open;
    const cached = this.ctx.sessions[kind];
    const now = Date.now();
    if (cached && cached.expiresAt - now > SESSION_RENEW_MARGIN_MS) {
      const raw = this.deps.settings.dataEncryptionKey;
      const context = this.context(kind);
      try {
        let token = openedTokens.get(raw, context, cached.sealed, now);
        if (token === undefined) {
          token = await unseal(await dataKey(raw), cached.sealed, context);
          openedTokens.set(raw, context, cached.sealed, token, cached.expiresAt);
        }
        const session = { kind, sessionId: cached.sessionId, token };
        this.opened.set(kind, session);
        return session;
      } catch {
        // Sealed under another DATA_ENCRYPTION_KEY (rotated): mint a new one.
        log.warn("session_unseal_failed", { requestId: this.deps.requestId, kind });
      }
    }
    return this.mint(kind);
  }

  /** Drops a session Machines refused (401) and mints its replacement. */
  async renew(kind: SessionKind, refused: SessionToken): Promise<SessionToken> {
    this.opened.delete(kind);
    delete this.ctx.sessions[kind];
    openedTokens.forget(this.deps.settings.dataEncryptionKey, this.context(kind), refused.token);
    userCache.sessionRefused(this.deps.db, this.ctx.user.crossmintUserId, kind, refused.sessionId);
    await deleteSession(this.deps.db, this.ctx.user.partnerUserId, kind, refused.sessionId);
    return this.mint(kind);
  }

  private async mint(kind: SessionKind): Promise<SessionToken> {
    const { settings, db } = this.deps;
    const { user } = this.ctx;
    const scopes = kind === "kyc" ? settings.sessions.kycScopes : settings.sessions.cardScopes;
    let data;
    try {
      const partner = partnerCaller(machinesTransport(settings, this.deps.requestId), settings.machines.partnerKey);
      data = await partner.call(machinesApi.createSession, {
        body: { userId: user.partnerUserId, walletAddress: user.walletAddress, scopes, ttlSeconds: settings.sessions.ttlSeconds },
      });
    } catch (e) {
      if (isKycRequired(e)) throw new KycRequiredError();
      throw e;
    }
    const expiresAt = Date.parse(data.expiresAt);
    const context = this.context(kind);
    const sealed = await seal(await dataKey(settings.dataEncryptionKey), data.sessionToken, context);
    const cached: CachedSession = {
      kind,
      sessionId: data.sessionId,
      scopes: data.scopes,
      expiresAt: Number.isNaN(expiresAt) ? Date.now() + settings.sessions.ttlSeconds * 1000 : expiresAt,
      sealed,
    };
    openedTokens.set(settings.dataEncryptionKey, context, sealed, data.sessionToken, cached.expiresAt);
    this.ctx.sessions[kind] = cached;
    userCache.sessionSaved(db, user.crossmintUserId, cached);
    const session = { kind, sessionId: data.sessionId, token: data.sessionToken };
    this.opened.set(kind, session);
    // The next request reads it back; this one does not wait for the write.
    this.later(saveSession(db, user.partnerUserId, cached, new Date().toISOString()));
    if (kind === "card" && user.kycStatus !== "approved") {
      // Machines only grants card scopes after approval: remember it, so later requests pick the card session.
      user.kycStatus = "approved";
      this.later(saveKycStatus(db, user.partnerUserId, "approved"));
    }
    return session;
  }
}
