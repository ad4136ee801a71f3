import type { Address, Hex } from "viem";
import type { WithdrawalErrorName } from "../../../shared/abi";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";
import { asWithdrawalRevert } from "./revert-error";

export interface SimulateWithdrawalParameters {
  from: Address;
  to: Address;
  data: Hex;
}
/** `ok`, or the contract's reason for refusing (null when the revert carries no known error). */
export type SimulateWithdrawalReturnType = { ok: true } | { ok: false; error: WithdrawalErrorName | null };

/**
 * Runs the prepared `withdrawAsset` call against the chain's current state, from the wallet that will
 * send it, without sending anything: a call that would revert (expired, salt already used, stale nonce,
 * not an admin, …) is caught before the user pays gas for it.
 *
 * @throws AppError `chain_unavailable`
 */
export function simulateWithdrawal(client: ChainClient, p: SimulateWithdrawalParameters): Promise<SimulateWithdrawalReturnType> {
  return readChain("a simulation of the withdrawal", async () => {
    try {
      await client.call({ account: p.from, to: p.to, data: p.data });
      return { ok: true } as const;
    } catch (error) {
      const revert = asWithdrawalRevert(error);
      if (!revert) throw error;
      return { ok: false, error: revert.name };
    }
  });
}
