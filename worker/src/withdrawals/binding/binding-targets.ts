import { type Address, getAddress, isAddress } from "viem";
import { AppError } from "../../errors";
import type { Settings } from "../../settings/settings";

/** The token and call targets a ready withdrawal must name, once resolved. */
export interface BindingTargets {
  token: Address;
  /** Empty: no allowlist (production without WITHDRAWAL_CALL_TARGETS); the dry run's effects still bind the target. */
  callTargets: readonly Address[];
}

// Per isolate: the sandbox's deployment does not change while a Worker runs against it. Values only (a
// promise from another request's I/O must not be awaited in workerd).
const sandboxAnswers = new Map<string, { token: Address | null; callTargets: Address[] }>();

/**
 * The settings' token and call targets. In the sandbox, a setting left unset is taken from the sandbox's
 * own chain (`GET /sandbox/chain`: its token, controller and coordinator), since its contracts are
 * deployed afresh for every sandbox; production never asks anyone (settings refuse a missing token there).
 *
 * @throws AppError `configuration_error` when no token is known
 */
export async function bindingTargets(settings: Pick<Settings, "withdrawals" | "sandboxUrl">): Promise<BindingTargets> {
  let { collateralToken: token, callTargets } = settings.withdrawals;
  if ((!token || callTargets.length === 0) && settings.sandboxUrl) {
    const sandbox = await sandboxChain(settings.sandboxUrl);
    token ??= sandbox.token;
    if (callTargets.length === 0) callTargets = sandbox.callTargets;
  }
  if (!token) throw new AppError("configuration_error", "COLLATERAL_TOKEN_ADDRESS is not set for this chain", { field: "COLLATERAL_TOKEN_ADDRESS" });
  return { token, callTargets };
}

async function sandboxChain(sandboxUrl: string) {
  let answer = sandboxAnswers.get(sandboxUrl);
  if (!answer) {
    answer = await fetchSandboxChain(sandboxUrl);
    if (answer.token) sandboxAnswers.set(sandboxUrl, answer);
  }
  return answer;
}

async function fetchSandboxChain(sandboxUrl: string): Promise<{ token: Address | null; callTargets: Address[] }> {
  const res = await fetch(`${sandboxUrl}/sandbox/chain`);
  const json = (await res.json()) as { data?: { tokenAddress?: string; controllerAddress?: string; coordinatorAddress?: string } };
  const address = (value: unknown) => (typeof value === "string" && isAddress(value, { strict: false }) ? getAddress(value) : null);
  const data = json.data ?? {};
  return {
    token: address(data.tokenAddress),
    callTargets: [address(data.controllerAddress), address(data.coordinatorAddress)].filter((a): a is Address => a !== null),
  };
}
