import { type Address, BaseError, type Hex, MethodNotFoundRpcError, MethodNotSupportedRpcError } from "viem";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";
import { asWithdrawalRevert } from "./revert-error";

export interface SimulateWithdrawalParameters {
  /** The user's wallet: an EOA, or a smart account (deployed or not; `eth_call` does not check code at `from`). */
  from: Address;
  to: Address;
  data: Hex;
  /**
   * An undeployed smart account's factory call (from its ERC-6492 signature): the dry run then deploys
   * the account first and runs the withdrawal as it, in one simulated block (`eth_simulateV1`), as the
   * user operation that carries both will.
   */
  deployFirst?: { factory: Address; factoryData: Hex };
}

/**
 * `ok` with the logs the call would emit (null from a node without `eth_simulateV1`, where only a plain
 * `eth_call` is possible), or the contract's reason for refusing (null when the revert carries no known reason).
 */
export type SimulateWithdrawalReturnType =
  | { ok: true; logs: readonly { address: Address; topics: readonly Hex[]; data: Hex }[] | null }
  | { ok: false; error: string | null };

/**
 * Runs the prepared `withdrawAsset` call against the chain's current state as the wallet that will make
 * it, without sending anything: a call that would revert (expired, signature used or stale, not an
 * admin, …) is caught before the user pays for it. For a smart account this calls the target as the
 * account; the account's own `execute` path (and the EntryPoint) is not exercised.
 *
 * @throws AppError `chain_unavailable`
 */
export function simulateWithdrawal(client: ChainClient, p: SimulateWithdrawalParameters): Promise<SimulateWithdrawalReturnType> {
  return readChain("a simulation of the withdrawal", async () => {
    const calls = p.deployFirst ? [{ to: p.deployFirst.factory, data: p.deployFirst.factoryData }] : [];
    try {
      return await simulateCalls(client, [...calls, { account: p.from, to: p.to, data: p.data }]);
    } catch (error) {
      if (!isSimulateUnsupported(error)) throw error;
    }
    // A node without eth_simulateV1: the revert check still runs (eth_call), the effects check cannot. An
    // undeployed account's signature was verified (ERC-6492), expiry and admin checked; it goes without.
    if (p.deployFirst) return { ok: true, logs: null };
    try {
      await client.call({ account: p.from, to: p.to, data: p.data });
      return { ok: true, logs: null };
    } catch (error) {
      const revert = asWithdrawalRevert(error);
      if (!revert) throw error;
      return { ok: false, error: revert.reason };
    }
  });
}

function isSimulateUnsupported(error: unknown): boolean {
  return error instanceof BaseError && error.walk((e) => e instanceof MethodNotFoundRpcError || e instanceof MethodNotSupportedRpcError) !== null;
}

/**
 * The calls in one simulated block (`eth_simulateV1`): an undeployed account's factory call first, then
 * the withdrawal as the account. The withdrawal's own logs are what it would move.
 */
async function simulateCalls(
  client: ChainClient,
  calls: { account?: Address; to: Address; data: Hex }[],
): Promise<SimulateWithdrawalReturnType> {
  const blocks = await client.simulateBlocks({ blocks: [{ calls }] });
  const results = blocks[0]?.calls ?? [];
  if (calls.length > 1 && results[0]?.status !== "success") return { ok: false, error: "the wallet's factory call failed" };
  const withdrawal = results[calls.length - 1];
  if (withdrawal?.status === "success") return { ok: true, logs: withdrawal.logs ?? [] };
  return { ok: false, error: asWithdrawalRevert(withdrawal?.error)?.reason ?? null };
}
