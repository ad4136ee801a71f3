import type { ChainClient } from "../../chain/chain-client";
import { readTokenDecimals } from "../../chain/read-token-decimals";
import { AppError } from "../../errors";
import type { WithdrawalCallParameters } from "../call-parameters";
import type { WithdrawalExecution } from "../execution";
import type { WithdrawalRecord } from "../withdrawal-record";
import type { WithdrawalRelay } from "../withdrawal-relay";
import type { BindingTargets } from "./binding-targets";
import { checkBinding } from "./check-binding";
import type { BindingRefusal } from "./withdrawal-refusal";

export interface BindingDeps {
  chain: ChainClient | null;
  /** The collateral's token and the allowed call targets (settings; in the sandbox, its own chain's). */
  bindingTargets: () => Promise<BindingTargets>;
}

export interface PreparedByMachines {
  parameters: WithdrawalCallParameters;
  execution: WithdrawalExecution | null;
  relay: WithdrawalRelay | null;
}

/**
 * Checks what Machines prepared against what the user asked for (`checkBinding`), with the token's
 * decimals read on chain (once per chain and token). At most one RPC call, none once cached.
 *
 * @throws AppError `chain_unavailable` | `configuration_error`
 */
export async function bindingRefusal(deps: BindingDeps, request: Pick<WithdrawalRecord, "amountCents" | "destination">, prepared: PreparedByMachines): Promise<BindingRefusal | null> {
  return (await bindToRequest(deps, request, prepared)).refusal;
}

/** The refusal (null: bound), with the token's decimals it was judged with (kept for the preview). */
export async function bindToRequest(
  deps: BindingDeps,
  request: Pick<WithdrawalRecord, "amountCents" | "destination">,
  prepared: PreparedByMachines,
): Promise<{ refusal: BindingRefusal | null; decimals: number }> {
  if (!deps.chain) throw new AppError("chain_unavailable", "the chain is needed to check the withdrawal and is not configured");
  const { token, callTargets } = await deps.bindingTargets();
  const decimals = await readTokenDecimals(deps.chain, token);
  return { refusal: checkBinding({ request, ...prepared, token, callTargets, decimals }), decimals };
}

/** A refusal as the error the routes render (its code, the request's field, 502). */
export function refusalError(refusal: BindingRefusal): AppError {
  return new AppError(refusal.code, `${refusal.message}; nothing was signed`, { field: refusal.field });
}
