import type { Address } from "viem";
import { collateralAbi } from "@machines-card/contract/abi";
import type { ChainClient } from "./chain-client";
import { readChain } from "./chain-failure";

export interface ReadAdminNonceParameters {
  /** The user's collateral proxy (`parameters[0]`). */
  collateralProxy: Address;
}
export type ReadAdminNonceReturnType = bigint;

/**
 * The collateral's `adminNonce()`, which the v2 admin signature is bound to. Read just before the
 * typed data is handed out: every executed withdrawal moves it on.
 *
 * @throws AppError `chain_unavailable` | `upstream_invalid_response` (no contract at that address)
 */
export function readAdminNonce(client: ChainClient, p: ReadAdminNonceParameters): Promise<ReadAdminNonceReturnType> {
  return readChain("the collateral's admin nonce", () =>
    client.readContract({ address: p.collateralProxy, abi: collateralAbi, functionName: "adminNonce" }),
  );
}
