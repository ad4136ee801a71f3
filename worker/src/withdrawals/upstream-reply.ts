import { isAddressEqual } from "viem";
import type { Relay, WithdrawalCreateData } from "../../../shared/machines/withdrawals";
import { normaliseCallParameters, type WithdrawalCallParameters } from "./call-parameters";
import { normaliseExecution, type WithdrawalExecution } from "./execution";
import { accept, type Normalised, reject } from "./withdrawal-problem";
import type { WithdrawalRecord } from "./withdrawal-record";

/** When Machines says pending without saying when to ask again (the public example waits 5 s). */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

export type UpstreamReply =
  | { status: "pending"; retryAfterSeconds: number | null; nextAttemptAtMs: number; execution: WithdrawalExecution | null; relay: WithdrawalRecord["relay"] }
  | { status: "ready"; execution: WithdrawalExecution | null; relay: WithdrawalRecord["relay"]; parameters: WithdrawalCallParameters };

/**
 * Reads Machines' reply to create into what the Worker keeps. A ready reply must carry 7 usable
 * parameters whose recipient is where the user asked the money to go (the destination, or the
 * relay's pay-in address when Machines routes through one): anything else is refused, not executed.
 */
export function readUpstreamReply(
  reply: WithdrawalCreateData,
  destinationAddress: string,
  nowMs: number,
): Normalised<UpstreamReply> {
  const execution = reply.execution ? normaliseExecution(reply.execution) : accept(null);
  if (!execution.ok) return execution;
  const relay = relayOf(reply.relay ?? null);
  if (reply.status === "pending") {
    const retryAfterSeconds = reply.retryAfterSeconds;
    const wait = Math.min(Math.max(retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS, 0), 3600);
    return accept({ status: "pending", retryAfterSeconds, nextAttemptAtMs: nowMs + wait * 1000, execution: execution.value, relay });
  }
  const parameters = normaliseCallParameters(reply);
  if (!parameters.ok) return parameters;
  const expected = relay?.payinAddress ?? destinationAddress;
  if (!sameAddress(parameters.value.recipient, expected)) {
    return reject("parameters[3]", relay ? "is not the relay's pay-in address" : "is not the destination address the user asked for");
  }
  return accept({ status: "ready", execution: execution.value, relay, parameters: parameters.value });
}

function relayOf(relay: Relay): WithdrawalRecord["relay"] {
  return relay ? { payinAddress: relay.payinAddress, payinExtraId: relay.payinExtraId } : null;
}

function sameAddress(a: string, b: string): boolean {
  try {
    return isAddressEqual(a as `0x${string}`, b as `0x${string}`);
  } catch {
    return false;
  }
}
