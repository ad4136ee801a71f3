import { AppError } from "../errors";
import { MachinesApiError, UpstreamUnavailableError } from "../upstream/machines/errors";
import type { MachinesCaller } from "../upstream/machines/machines-caller";
import { sendMachinesRequest, type MachinesTransport } from "../upstream/machines/transport";
import type { SessionKind } from "../users/partner-user";
import type { PartnerSessions } from "./partner-sessions";

/**
 * A `MachinesCaller` that authenticates as the user with their partner session of `kind`. Machines
 * answering 401 means the session lapsed or was revoked: it is re-minted and the call repeated once
 * (a 401 means the call was not processed, so even a write is safe to repeat). Neither a 401 nor a 403
 * reaches the client as such: they are not the user's doing (the widget treats 401 as "sign in again").
 */
export function sessionCaller(transport: MachinesTransport, sessions: PartnerSessions, kind: SessionKind): MachinesCaller {
  return {
    async call(endpoint, ...[input]) {
      let session = await sessions.token(kind);
      for (let attempt = 1; ; attempt++) {
        try {
          return await sendMachinesRequest(transport, { sessionToken: session.token }, endpoint, input);
        } catch (e) {
          if (!(e instanceof MachinesApiError)) throw e;
          if (e.upstreamStatus === 401) {
            if (attempt > 1) throw new UpstreamUnavailableError("a fresh partner session was refused");
            session = await sessions.renew(kind, session);
            continue;
          }
          if (e.upstreamStatus === 403) {
            const setting = kind === "kyc" ? "KYC_SCOPES" : "CARD_SCOPES";
            throw new AppError("configuration_error", `the partner session lacks a scope Machines requires for this call; check ${setting}`, {
              field: setting,
            });
          }
          throw e;
        }
      }
    },
  };
}
