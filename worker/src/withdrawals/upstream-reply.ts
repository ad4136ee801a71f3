import type { Relay, WithdrawalCreateData } from "@machines-card/contract/machines/withdrawals";
import { normaliseCallParameters, type WithdrawalCallParameters } from "./call-parameters";
import { normaliseExecution, type WithdrawalExecution } from "./execution";
import { accept, type Normalised } from "./withdrawal-problem";
import type { WithdrawalRecord } from "./withdrawal-record";

/** When Machines says pending without saying when to ask again (the public example waits 5 s). */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

export type UpstreamReply =
  | { status: "pending"; retryAfterSeconds: number | null; nextAttemptAtMs: number; execution: WithdrawalExecution | null; relay: WithdrawalRecord["relay"] }
  | { status: "ready"; execution: WithdrawalExecution | null; relay: WithdrawalRecord["relay"]; parameters: WithdrawalCallParameters };

/**
 * Reads Machines' reply to create into what the Worker keeps. A ready reply must carry 7 usable
 * parameters; whether they are what the user asked for (amount, token, target, recipient, relay payout)
 * is `binding/check-binding.ts`'s to say, with its own codes.
 */
export function readUpstreamReply(reply: WithdrawalCreateData, nowMs: number): Normalised<UpstreamReply> {
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
  return accept({ status: "ready", execution: execution.value, relay, parameters: parameters.value });
}

function relayOf(relay: Relay): WithdrawalRecord["relay"] {
  if (!relay) return null;
  const { payinAddress, payinExtraId, payoutAddress, payoutExtraId, toCurrency, toNetwork } = relay;
  return { payinAddress, payinExtraId, payoutAddress: payoutAddress ?? null, payoutExtraId: payoutExtraId ?? null, toCurrency: toCurrency ?? null, toNetwork: toNetwork ?? null };
}
