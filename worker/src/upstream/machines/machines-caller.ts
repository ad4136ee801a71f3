import type { EndpointData, MachinesAuth, MachinesEndpoint } from "@machines-card/contract/machines/define-endpoint";
import { AppError } from "../../errors";
import { MachinesApiError } from "./errors";
import { sendMachinesRequest, type MachinesCallArgs, type MachinesTransport } from "./transport";

/**
 * The one way the Worker calls Machines: `machines.call(machinesApi.x, { params, query, body, idempotencyKey })`,
 * typed by the endpoint's schemas. A caller holds one credential: `partnerCaller` the partner key (only
 * `auth: "partner"` endpoints: sessions, resolve), a session caller (`sessions/session-caller.ts`, got
 * through `machinesFor`) a user's partner session, renewed on a 401 (`auth: "session"` endpoints).
 *
 * @example
 * const reply = await machinesFor(c, "card").call(machinesApi.createWithdrawal, { body, idempotencyKey });
 */
export interface MachinesCaller<A extends MachinesAuth = "session"> {
  call<E extends MachinesEndpoint & { auth: A }>(endpoint: E, ...input: MachinesCallArgs<E>): Promise<EndpointData<E>>;
}

/**
 * The partner-key caller. Machines refusing the key (401/403) is the partner's configuration to fix,
 * never the end user's: it becomes 500 `configuration_error` naming MACHINES_PARTNER_KEY.
 */
export function partnerCaller(transport: MachinesTransport, partnerKey: string): MachinesCaller<"partner"> {
  return {
    async call(endpoint, ...[input]) {
      try {
        return await sendMachinesRequest(transport, { partnerKey }, endpoint, input);
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
