import type { SessionRecord, UserRecord } from "../state/records";

/** Hono environment of the `/partner/v1` app: the authenticated session and its user. */
export interface ApiEnv {
  Variables: {
    session: SessionRecord;
    user: UserRecord;
  };
}
