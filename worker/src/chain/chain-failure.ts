import {
  BaseError,
  ContractFunctionZeroDataError,
  HttpRequestError,
  InternalRpcError,
  LimitExceededRpcError,
  ResourceUnavailableRpcError,
  TimeoutError,
} from "viem";
import { AppError } from "../errors";

/** The RPC could not be reached, timed out, or said it is overloaded: worth retrying later. */
export function isChainUnreachable(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  return Boolean(
    error.walk(
      (e) =>
        e instanceof HttpRequestError ||
        e instanceof TimeoutError ||
        e instanceof LimitExceededRpcError ||
        e instanceof ResourceUnavailableRpcError ||
        e instanceof InternalRpcError,
    ),
  );
}

/**
 * Runs one chain read and turns its failures into the Worker's codes: an unreachable RPC becomes
 * 502 `chain_unavailable`; a contract that is not there (empty return data) becomes 502
 * `upstream_invalid_response`, since Machines handed us that address. Other errors pass through.
 */
export async function readChain<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isChainUnreachable(error)) {
      throw new AppError("chain_unavailable", `the chain did not answer while reading ${what}; try again shortly`, { cause: error });
    }
    if (error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionZeroDataError)) {
      throw new AppError("upstream_invalid_response", `no contract answered while reading ${what}`, { cause: error });
    }
    throw error;
  }
}
