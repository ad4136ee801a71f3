import { describe, expect, it } from "vitest";
import type { Execution } from "@machines-card/contract/machines/withdrawals";
import type { WithdrawalCallParameters } from "./call-parameters";
import { normaliseExecution, planWithdrawalCall, type WithdrawalExecution } from "./execution";

const PROXY = "0x1111111111111111111111111111111111111111";
const CONTROLLER = "0x4444444444444444444444444444444444444444";
const COORDINATOR = "0x5555555555555555555555555555555555555555";

const execution = (overrides: Partial<Execution> = {}): Execution => ({
  contractId: "contract-1",
  contractVersion: 2,
  chainId: 31337,
  collateralProxyAddress: PROXY,
  controllerAddress: CONTROLLER,
  coordinatorAddress: COORDINATOR,
  callTarget: COORDINATOR,
  callPath: "coordinator_v2",
  ...overrides,
});

const parameters: WithdrawalCallParameters = {
  collateralProxy: PROXY,
  asset: "0x2222222222222222222222222222222222222222",
  amount: 5000n,
  recipient: "0x3333333333333333333333333333333333333333",
  expiresAt: 1716400000,
  executorSalt: `0x${"11".repeat(32)}`,
  executorSignature: `0x${"ab".repeat(65)}`,
};

function normalised(overrides: Partial<Execution> = {}): WithdrawalExecution {
  const result = normaliseExecution(execution(overrides));
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

describe("normaliseExecution", () => {
  it("keeps the call path, target, chain and proxy", () => {
    expect(normaliseExecution(execution())).toEqual({
      ok: true,
      value: { callPath: "coordinator_v2", callTarget: COORDINATOR, chainId: 31337, collateralProxyAddress: PROXY, contractVersion: 2, contractId: "contract-1" },
    });
  });

  it("refuses a malformed EVM call target", () => {
    expect(normaliseExecution(execution({ callTarget: "0xCoordinator" }))).toMatchObject({
      ok: false,
      problem: { code: "upstream_invalid_response", field: "execution.callTarget" },
    });
  });

  it("keeps a Solana execution but drops its non-EVM addresses", () => {
    const solana = normaliseExecution(execution({ callPath: "solana_v2_02", chainId: 900, callTarget: "CoordinatorProgram1111111111111111111111111" }));
    expect(solana).toMatchObject({ ok: true, value: { callPath: "solana_v2_02", callTarget: null, chainId: 900 } });
  });
});

describe("planWithdrawalCall", () => {
  it("plans a coordinator_v2 and a controller_v1 call to the call target", () => {
    expect(planWithdrawalCall(normalised(), parameters, 31337)).toEqual({
      ok: true,
      value: { callPath: "coordinator_v2", callTarget: COORDINATOR, chainId: 31337 },
    });
    expect(planWithdrawalCall(normalised({ callPath: "controller_v1", callTarget: CONTROLLER, contractVersion: 1 }), parameters, 31337)).toEqual({
      ok: true,
      value: { callPath: "controller_v1", callTarget: CONTROLLER, chainId: 31337 },
    });
  });

  it.each(["unknown", "solana_v2_02"] as const)("refuses the %s call path as invalid_state", (callPath) => {
    expect(planWithdrawalCall(normalised({ callPath, callTarget: null }), parameters, 31337)).toMatchObject({
      ok: false,
      problem: { code: "invalid_state", field: "execution.callPath" },
    });
  });

  it("never sends to the collateral proxy", () => {
    expect(planWithdrawalCall(normalised({ callTarget: PROXY }), parameters, 31337)).toMatchObject({
      ok: false,
      problem: { code: "upstream_invalid_response", field: "execution.callTarget" },
    });
    expect(planWithdrawalCall(normalised({ callTarget: PROXY, collateralProxyAddress: null }), parameters, 31337)).toMatchObject({
      ok: false,
      problem: { field: "execution.callTarget" },
    });
  });

  it("refuses a missing execution, target or chain, and a proxy that differs from parameters[0]", () => {
    expect(planWithdrawalCall(null, parameters, 31337)).toMatchObject({ ok: false, problem: { field: "execution" } });
    expect(planWithdrawalCall(normalised({ callTarget: null }), parameters, 31337)).toMatchObject({ ok: false, problem: { field: "execution.callTarget" } });
    expect(planWithdrawalCall(normalised({ chainId: null }), parameters, 31337)).toMatchObject({ ok: false, problem: { field: "execution.chainId" } });
    expect(
      planWithdrawalCall(normalised({ collateralProxyAddress: "0x6666666666666666666666666666666666666666" }), parameters, 31337),
    ).toMatchObject({ ok: false, problem: { code: "upstream_invalid_response", field: "parameters[0]" } });
  });

  it("refuses a withdrawal on another chain than the one the Worker reads", () => {
    expect(planWithdrawalCall(normalised({ chainId: 84532 }), parameters, 31337)).toEqual({
      ok: false,
      problem: {
        code: "invalid_state",
        field: "execution.chainId",
        message: "the withdrawal is on chain 84532, but this Worker is configured for chain 31337",
      },
    });
  });
});
