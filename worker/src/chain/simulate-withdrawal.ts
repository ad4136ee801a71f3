import type { Address, Hex } from "viem";
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

/** `ok`, or the contract's reason for refusing (null when the revert carries no known reason). */
export type SimulateWithdrawalReturnType = { ok: true } | { ok: false; error: string | null };

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
    if (p.deployFirst) {
      const [block] = await client.simulateBlocks({
        blocks: [
          {
            calls: [
              { to: p.deployFirst.factory, data: p.deployFirst.factoryData },
              { account: p.from, to: p.to, data: p.data },
            ],
          },
        ],
      });
      const [deploy, withdraw] = block?.calls ?? [];
      if (deploy?.status !== "success") return { ok: false, error: "the wallet's factory call failed" } as const;
      if (withdraw?.status === "success") return { ok: true } as const;
      return { ok: false, error: asWithdrawalRevert(withdraw?.error)?.reason ?? null } as const;
    }
    try {
      await client.call({ account: p.from, to: p.to, data: p.data });
      return { ok: true } as const;
    } catch (error) {
      const revert = asWithdrawalRevert(error);
      if (!revert) throw error;
      return { ok: false, error: revert.reason };
    }
  });
}
