import type { CachedSession, PartnerUser, SessionKind } from "./partner-user";

/**
 * The signed-in user as routes see them (`c.get("user")`): who they are at Machines, their wallet,
 * the email from their token (never stored), and their cached partner sessions (sealed).
 */
export interface UserContext {
  user: PartnerUser;
  email: string | null;
  sessions: Partial<Record<SessionKind, CachedSession>>;
}
