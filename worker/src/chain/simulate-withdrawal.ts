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
    if (p.deployFirst) return simulateDeployingFirst(client, p, p.deployFirst);
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

/** The account's factory call, then the withdrawal as the account, in one simulated block (`eth_simulateV1`). */
async function simulateDeployingFirst(
  client: ChainClient,
  p: SimulateWithdrawalParameters,
  deploy: { factory: Address; factoryData: Hex },
): Promise<SimulateWithdrawalReturnType> {
  let blocks: Awaited<ReturnType<ChainClient["simulateBlocks"]>>;
  try {
    blocks = await client.simulateBlocks({
      blocks: [{ calls: [{ to: deploy.factory, data: deploy.factoryData }, { account: p.from, to: p.to, data: p.data }] }],
    });
  } catch (error) {
    // A node without eth_simulateV1: the signature was verified (ERC-6492), expiry and admin checked; go without.
    if (error instanceof BaseError && error.walk((e) => e instanceof MethodNotFoundRpcError || e instanceof MethodNotSupportedRpcError)) {
      return { ok: true };
    }
    throw error;
  }
  const [created, withdrawal] = blocks[0]?.calls ?? [];
  if (created?.status !== "success") return { ok: false, error: "the wallet's factory call failed" };
  if (withdrawal?.status === "success") return { ok: true };
  return { ok: false, error: asWithdrawalRevert(withdrawal?.error)?.reason ?? null };
}
