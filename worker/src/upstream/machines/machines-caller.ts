import { AppError } from "../../errors";
import { MachinesApiError } from "./errors";
import { sendMachinesRequest, type MachinesRequest, type MachinesTransport } from "./transport";

/**
 * What every `upstream/machines/<action>.ts` takes first: something that sends a Machines request with
 * the right credentials. `partnerCaller` holds the partner key (sessions, resolve); a session caller
 * (`sessions/session-caller.ts`) holds a user's partner session and renews it on a 401.
 */
export interface MachinesCaller {
  request<T>(req: MachinesRequest<T>): Promise<T>;
}

/**
 * The partner-key caller. Machines refusing the key (401/403) is the partner's configuration to fix,
 * never the end user's: it becomes 500 `configuration_error` naming MACHINES_PARTNER_KEY.
 */
export function partnerCaller(transport: MachinesTransport, partnerKey: string): MachinesCaller {
  return {
    async request<T>(req: MachinesRequest<T>): Promise<T> {
      try {
        return await sendMachinesRequest(transport, { partnerKey }, req);
      } catch (e) {
        if (e instanceof MachinesApiError && (e.upstreamStatus === 401 || e.upstreamStatus === 403)) {
          throw new AppError("configuration_error", "Machines refused MACHINES_PARTNER_KEY; check the secret", {
            field: "MACHINES_PARTNER_KEY",
          });
        }
        throw e;
      }
    },
  };
}
