import { type Address, BaseError, ContractFunctionRevertedError, decodeErrorResult, type Hash, type Hex, RawContractError } from "viem";
import { withdrawalErrorsAbi } from "../../../shared/abi";
import type { ChainClient } from "./chain-client";
import { isChainUnreachable } from "./chain-failure";

export interface ReadRevertReasonParameters {
  hash: Hash;
  blockNumber: bigint;
}
export type ReadRevertReasonReturnType = string;

/**
 * Why a mined withdrawal reverted, by replaying its call against the state of its block
 * (receipts carry no revert data): the contract's error name (`Expired`, `SaltUsed`,
 * `BadAdminSignature`, …) when it can be read, else a plain "reverted". Never throws: the reason is
 * a nicety on top of the outcome, which the receipt already proved.
 */
export async function readRevertReason(client: ChainClient, p: ReadRevertReasonParameters): Promise<ReadRevertReasonReturnType> {
  try {
    const tx = await client.getTransaction({ hash: p.hash });
    if (!tx.to) return "reverted";
    await client.call({ account: tx.from, to: tx.to as Address, data: tx.input, blockNumber: p.blockNumber });
    return "reverted";
  } catch (error) {
    if (isChainUnreachable(error)) return "reverted";
    const name = errorName(error);
    return name ? `reverted: ${name}` : "reverted";
  }
}

function errorName(error: unknown): string | null {
  if (!(error instanceof BaseError)) return null;
  const raw = error.walk((e) => e instanceof RawContractError || e instanceof ContractFunctionRevertedError) as
    | (BaseError & { data?: Hex | { data?: Hex } })
    | null;
  const data = typeof raw?.data === "string" ? raw.data : raw?.data?.data;
  if (!data || data === "0x") return null;
  try {
    return decodeErrorResult({ abi: withdrawalErrorsAbi, data }).errorName;
  } catch {
    return null;
  }
}
