import type { Context } from "hono";
import type { Address } from "viem";
import { CHAIN_TIMEOUT_MS, chainClient, type ChainClient } from "../../chain/chain-client";
import type { AppEnv } from "../../env";
import { machinesFor } from "../../sessions/machines-for";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import type { AdvanceDeps } from "../../withdrawals/advance-withdrawal";
import { bindingTargets } from "../../withdrawals/binding/binding-targets";

/** Everything the withdrawal flows need for one request: D1, the chain, Machines (the user's card session), the clock. */
export interface WithdrawalRequestDeps extends AdvanceDeps {
  chain: ChainClient;
  chainId: number;
  entryPoints: readonly Address[];
  logsMaxBlocks: number;
  /** How long a request waits for another one's first call to Machines (same key, in flight). */
  firstReplyWaitMs: number;
}

export function withdrawalDeps(c: Context<AppEnv>): WithdrawalRequestDeps {
  const settings = c.get("settings");
  const machines = machinesFor(c, "card");
  return {
    db: c.env.DB,
    chain: chainClient({ rpcUrl: settings.chain.rpcUrl, id: settings.chain.id, name: settings.chain.name }),
    chainId: settings.chain.id,
    entryPoints: settings.chain.entryPoints,
    logsMaxBlocks: settings.chain.logsMaxBlocks,
    bindingTargets: () => bindingTargets(settings),
    createUpstream: (request) => machines.call(machinesApi.createWithdrawal, request),
    // Outlives one whole Machines call (its own timeout covers the retry) and the chain read after it.
    leaseMs: settings.machines.timeoutMs + 2 * CHAIN_TIMEOUT_MS + 5_000,
    firstReplyWaitMs: settings.machines.timeoutMs + 2_000,
    now: Date.now,
  };
}
