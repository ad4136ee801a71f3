import type { Address } from "viem";
import { collateralAbi } from "@machines-card/contract/abi";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";

export interface ReadIsAdminParameters {
  collateralProxy: Address;
  /** The wallet that will send the transaction. */
  account: Address;
}
export type ReadIsAdminReturnType = boolean;

/**
 * `isAdmin(account)` on the collateral: the preflight before a withdrawal is prepared (only an admin
 * may withdraw; the contract would revert with `NotAdmin` otherwise).
 *
 * @throws AppError `chain_unavailable` | `upstream_invalid_response`
 */
export function readIsAdmin(client: ChainClient, p: ReadIsAdminParameters): Promise<ReadIsAdminReturnType> {
  return readChain("the collateral's admins", () =>
    client.readContract({ address: p.collateralProxy, abi: collateralAbi, functionName: "isAdmin", args: [p.account] }),
  );
}
