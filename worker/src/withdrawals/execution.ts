import type { Execution } from "@machines-card/contract/machines/withdrawals";
import type { Address } from "viem";
import type { WithdrawalCallParameters } from "./call-parameters";
import { normaliseAddress } from "./parameter-encodings";
import { accept, cannotExecute, type Normalised, reject } from "./withdrawal-problem";

export type CallPath = Execution["callPath"];
export type EvmCallPath = "controller_v1" | "coordinator_v2";

/** What the Worker keeps of Machines' `execution` (evm-withdrawals.md section 1). */
export interface WithdrawalExecution {
  readonly callPath: CallPath;
  /** Where the transaction goes: the controller (v1) or the coordinator (v2). Never the proxy. */
  readonly callTarget: Address | null;
  readonly chainId: number | null;
  readonly collateralProxyAddress: Address | null;
  readonly contractVersion: number | null;
  readonly contractId: string | null;
}

export function isEvmCallPath(path: CallPath): path is EvmCallPath {
  return path === "controller_v1" || path === "coordinator_v2";
}

/**
 * Checks and checksums the EVM addresses of an `execution`. Solana and unknown paths keep their
 * call path (prepare refuses them) but drop addresses that are not EVM ones (a Solana program id).
 */
export function normaliseExecution(execution: Execution): Normalised<WithdrawalExecution> {
  const evm = isEvmCallPath(execution.callPath);
  const address = (value: string | null, field: string): Normalised<Address | null> => {
    if (value === null) return accept(null);
    const checked = normaliseAddress(value, field);
    return checked.ok || evm ? checked : accept(null);
  };
  const callTarget = address(execution.callTarget, "execution.callTarget");
  if (!callTarget.ok) return callTarget;
  const proxy = address(execution.collateralProxyAddress, "execution.collateralProxyAddress");
  if (!proxy.ok) return proxy;
  const chainId = execution.chainId;
  if (chainId !== null && !(Number.isSafeInteger(chainId) && chainId > 0)) return reject("execution.chainId", "must be a positive whole number");
  return accept({
    callPath: execution.callPath,
    callTarget: callTarget.value,
    chainId,
    collateralProxyAddress: proxy.value,
    contractVersion: execution.contractVersion,
    contractId: execution.contractId,
  });
}

/** Everything needed to send a ready withdrawal on an EVM chain, after the checks of `planWithdrawalCall`. */
export interface WithdrawalCallPlan {
  readonly callPath: EvmCallPath;
  readonly callTarget: Address;
  readonly chainId: number;
}

/**
 * Decides whether this Worker can execute a ready withdrawal, following the execution checklist
 * (evm-withdrawals.md section 6): an EVM call path, a call target that is not the collateral proxy,
 * the proxy matching `parameters[0]`, and the chain the Worker reads (it must reconcile the transaction).
 */
export function planWithdrawalCall(
  execution: WithdrawalExecution | null,
  parameters: WithdrawalCallParameters,
  workerChainId: number,
): Normalised<WithdrawalCallPlan> {
  if (!execution) return reject("execution", "is missing from the ready withdrawal");
  const { callPath, callTarget, chainId, collateralProxyAddress } = execution;
  if (callPath === "solana_v2_02") return cannotExecute("execution.callPath", "this withdrawal runs on Solana; only EVM withdrawals can be prepared here");
  if (callPath === "unknown") return cannotExecute("execution.callPath", "the withdrawal's call path is unknown, so it must not be executed");
  if (!callTarget) return reject("execution.callTarget", "is missing");
  if (chainId === null) return reject("execution.chainId", "is missing");
  if (callTarget === parameters.collateralProxy || callTarget === collateralProxyAddress) {
    return reject("execution.callTarget", "is the collateral proxy; the transaction must go to the controller or coordinator");
  }
  if (collateralProxyAddress && collateralProxyAddress !== parameters.collateralProxy) {
    return reject("parameters[0]", "does not match execution.collateralProxyAddress");
  }
  if (chainId !== workerChainId) {
    return cannotExecute("execution.chainId", `the withdrawal is on chain ${chainId}, but this Worker is configured for chain ${workerChainId}`);
  }
  return accept({ callPath, callTarget, chainId });
}
