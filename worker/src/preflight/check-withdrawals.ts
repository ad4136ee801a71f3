import type { Settings } from "../settings/settings";
import { codeAt, servedChainId } from "./check-chain";
import { failed, passed, type PreflightCheck } from "./preflight";

/**
 * What a withdrawal is bound to (`COLLATERAL_TOKEN_ADDRESS`, `WITHDRAWAL_CALL_TARGETS`): in production the
 * call targets are required (Rain's controller is not public and the collateral does not name it, so
 * nothing else tells the Worker where a withdrawal may be sent), and every configured address must have
 * code on the configured chain.
 */
export async function checkWithdrawalBinding(s: Settings): Promise<PreflightCheck[]> {
  const results: PreflightCheck[] = [];
  const { collateralToken, callTargets } = s.withdrawals;
  // On another chain (or none) every address would lack code: the chain check reports the one cause.
  const onChain = (await servedChainId(s)) === s.chain.id;
  if (collateralToken && onChain) results.push(await hasCode(s, "COLLATERAL_TOKEN_ADDRESS", collateralToken, "the collateral's token"));
  if (callTargets.length === 0) {
    results.push(
      s.environment === "production"
        ? failed(
            "withdrawal_targets",
            "WITHDRAWAL_CALL_TARGETS",
            "WITHDRAWAL_CALL_TARGETS is empty: any controller Machines names would be sent the user's withdrawal",
            "Set WITHDRAWAL_CALL_TARGETS to Rain's controller (and coordinator) address(es) for your program, comma-separated: Machines gives them (they are the execution.callTarget of your withdrawals)",
          )
        : passed("withdrawal_targets", "WITHDRAWAL_CALL_TARGETS", "Unset: fine outside production (the dry run still binds each withdrawal's effects)"),
    );
  }
  if (onChain) for (const target of callTargets) results.push(await hasCode(s, "WITHDRAWAL_CALL_TARGETS", target, "a withdrawal call target"));
  return results;
}

async function hasCode(s: Settings, setting: string, address: string, what: string): Promise<PreflightCheck> {
  const check = setting === "COLLATERAL_TOKEN_ADDRESS" ? "collateral_token" : "withdrawal_targets";
  const code = await codeAt(s, address);
  if (code === undefined) return failed(check, "CHAIN_RPC_URL", `The chain RPC did not answer eth_getCode for ${address}`, "Fix the chain check first");
  if (code === null) {
    return failed(check, setting, `${address} (${what}) has no code on chain ${s.chain.id}`, `Use the address Machines gives for chain ${s.chain.id}, or fix CHAIN_ID/CHAIN_RPC_URL if it lives on another chain`);
  }
  return passed(check, setting, `${address} (${what}) has code on chain ${s.chain.id}`);
}
