import type { Context } from "hono";
import type { KycState } from "@machines-card/contract/api/kyc";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import type { AppEnv } from "../env";
import { log } from "../logging/log";
import { machinesFor } from "../sessions/machines-for";
import { MachinesApiError } from "../upstream/machines/errors";
import { userCache } from "../users/user-cache";
import { saveKycStatus } from "../users/users.queries";
import { NOT_SUBMITTED, toKycState } from "./kyc-state";

/**
 * Remembers a status that changed (it picks the partner session kind later): at once in this request and
 * this isolate's user cache, in D1 after the reply.
 */
export function rememberKycStatus(c: Context<AppEnv>, state: KycState): void {
  const { user } = c.get("user");
  if (user.kycStatus === state.status) return;
  user.kycStatus = state.status;
  userCache.kycStatusChanged(c.env.DB, user.crossmintUserId, state.status);
  c.executionCtx.waitUntil(
    saveKycStatus(c.env.DB, user.partnerUserId, state.status).catch((e: unknown) =>
      log.warn("save_kyc_status_failed", { requestId: c.get("requestId"), error: (e as Error)?.name }),
    ),
  );
}

/** What `toKycState` needs to check Machines' links in this request. */
export const linkCheckFor = (c: Context<AppEnv>) => ({ environment: c.get("settings").environment, requestId: c.get("requestId") });

/** The user's KYC state from Machines (404: never applied, as the Machines CLI reads it). */
export async function readKycState(c: Context<AppEnv>): Promise<KycState> {
  let state: KycState;
  try {
    state = toKycState(await machinesFor(c, "kyc").call(machinesApi.getKycStatus), linkCheckFor(c));
  } catch (e) {
    if (!(e instanceof MachinesApiError && e.upstreamStatus === 404)) throw e;
    state = NOT_SUBMITTED;
  }
  rememberKycStatus(c, state);
  return state;
}
