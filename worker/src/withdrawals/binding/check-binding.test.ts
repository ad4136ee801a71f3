import { type Address, encodeAbiParameters, encodeEventTopics, erc20Abi, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { withdrawalEventAbi } from "@machines-card/contract/abi/withdrawal-event";
import type { WithdrawalCallParameters } from "../call-parameters";
import { type BindingInput, checkBinding } from "./check-binding";
import { checkEffects, type SimulatedLog } from "./check-effects";

const TOKEN: Address = "0x10b5Be494C2962A7B318aFB63f0Ee30b959D000b";
const CONTROLLER: Address = "0x1111111111111111111111111111111111111111";
const COLLATERAL: Address = "0x2222222222222222222222222222222222222222";
const DESTINATION: Address = "0x3333333333333333333333333333333333333333";
const PAYIN: Address = "0x4444444444444444444444444444444444444444";
const WALLET: Address = "0x5555555555555555555555555555555555555555";
const OTHER: Address = "0x6666666666666666666666666666666666666666";

const parameters: WithdrawalCallParameters = {
  collateralProxy: COLLATERAL,
  asset: TOKEN,
  amount: 5_000_000n, // $5 at 6 decimals
  recipient: DESTINATION,
  expiresAt: 2_000_000_000,
  executorSalt: `0x${"ab".repeat(32)}`,
  executorSignature: `0x${"cd".repeat(65)}`,
};
const execution = { callPath: "controller_v1" as const, callTarget: CONTROLLER, chainId: 8453, collateralProxyAddress: COLLATERAL, contractVersion: 1, contractId: null };
const base: BindingInput = {
  request: { amountCents: 500, destination: { currency: "rusd", network: "base", address: DESTINATION.toLowerCase(), extraId: null } },
  parameters,
  execution,
  relay: null,
  token: TOKEN,
  callTargets: [CONTROLLER],
  decimals: 6,
};
const relay = { payinAddress: PAYIN, payinExtraId: null, payoutAddress: "bc1qdestination", payoutExtraId: null as string | null, toCurrency: "BTC", toNetwork: "btc" };
const relayed: BindingInput = {
  ...base,
  parameters: { ...parameters, recipient: PAYIN },
  relay,
  request: { ...base.request, destination: { currency: "btc", network: "btc", address: "bc1qdestination", extraId: null } },
};

describe("checkBinding", () => {
  it("accepts exactly what was asked: the amount in the token's decimals, its token, an allowed target, the destination", () => {
    expect(checkBinding(base)).toBeNull();
    expect(checkBinding({ ...base, decimals: 18, parameters: { ...parameters, amount: 5n * 10n ** 18n } })).toBeNull();
    expect(checkBinding({ ...base, callTargets: [] })).toBeNull();
    expect(checkBinding(relayed)).toBeNull();
  });

  it("refuses ten times the amount, or one base unit more, unless within a quoted tolerance", () => {
    expect(checkBinding({ ...base, parameters: { ...parameters, amount: 50_000_000n } })).toMatchObject({ code: "withdrawal_amount_mismatch", field: "amount" });
    expect(checkBinding({ ...base, parameters: { ...parameters, amount: 5_000_001n } })).toMatchObject({ code: "withdrawal_amount_mismatch" });
    expect(checkBinding({ ...base, parameters: { ...parameters, amount: 5_000_001n }, toleranceBaseUnits: 1n })).toBeNull();
    // The same number of base units at the wrong decimals is a different amount.
    expect(checkBinding({ ...base, decimals: 18 })).toMatchObject({ code: "withdrawal_amount_mismatch" });
  });

  it("refuses another token, a target outside the allowlist, the collateral itself or no target", () => {
    expect(checkBinding({ ...base, parameters: { ...parameters, asset: OTHER } })).toMatchObject({ code: "withdrawal_asset_mismatch", field: "asset" });
    expect(checkBinding({ ...base, execution: { ...execution, callTarget: OTHER } })).toMatchObject({ code: "withdrawal_call_target_mismatch", field: "callTarget" });
    expect(checkBinding({ ...base, callTargets: [], execution: { ...execution, callTarget: COLLATERAL } })).toMatchObject({ code: "withdrawal_call_target_mismatch" });
    expect(checkBinding({ ...base, execution: null })).toMatchObject({ code: "withdrawal_call_target_mismatch" });
  });

  it("refuses another recipient, and a relay whose pay-in, payout, memo, currency or network is not the destination", () => {
    expect(checkBinding({ ...base, parameters: { ...parameters, recipient: OTHER } })).toMatchObject({ code: "withdrawal_destination_mismatch", field: "recipient" });
    const cases: [Partial<typeof relay>, string][] = [
      [{ payinAddress: OTHER }, "recipient"],
      [{ payoutAddress: "bc1qattacker" }, "relay.payoutAddress"],
      [{ payoutAddress: null as unknown as string }, "relay.payoutAddress"],
      [{ payoutExtraId: "123" }, "relay.payoutExtraId"],
      [{ toCurrency: "usdt" }, "relay.toCurrency"],
      [{ toNetwork: "tron" }, "relay.toNetwork"],
    ];
    for (const [change, field] of cases) {
      expect(checkBinding({ ...relayed, relay: { ...relay, ...change } })).toMatchObject({ code: "withdrawal_destination_mismatch", field });
    }
  });
});

function transfer(token: Address, from: Address, to: Address, value: bigint): SimulatedLog {
  return { address: token, topics: encodeEventTopics({ abi: erc20Abi, eventName: "Transfer", args: { from, to } }) as Hex[], data: encodeAbiParameters([{ type: "uint256" }], [value]) };
}
function withdrawal(collateral: Address, asset: Address, amount: bigint): SimulatedLog {
  return {
    address: CONTROLLER,
    topics: encodeEventTopics({ abi: withdrawalEventAbi, eventName: "Withdrawal", args: { _collateralProxy: collateral } }) as Hex[],
    data: encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [asset, amount]),
  };
}

describe("checkEffects (the dry run's logs)", () => {
  const paid = transfer(TOKEN, COLLATERAL, DESTINATION, 5_000_000n);

  it("accepts exactly one transfer of the signed amount to the signed recipient, with a matching v1 Withdrawal", () => {
    expect(checkEffects([paid], parameters, WALLET)).toBeNull();
    expect(checkEffects([paid, withdrawal(COLLATERAL, TOKEN, 5_000_000n)], parameters, WALLET)).toBeNull();
    // Other people's transfers (a fee paid to the collateral, say) are not the withdrawal's.
    expect(checkEffects([paid, transfer(TOKEN, OTHER, COLLATERAL, 1n)], parameters, WALLET)).toBeNull();
  });

  it("refuses a call that moves nothing, another amount, recipient or token, a second transfer, or a Withdrawal that differs", () => {
    const refused = { code: "withdrawal_simulation_mismatch", field: "transaction" };
    expect(checkEffects([], parameters, WALLET)).toMatchObject(refused);
    expect(checkEffects([transfer(TOKEN, COLLATERAL, DESTINATION, 50_000_000n)], parameters, WALLET)).toMatchObject(refused);
    expect(checkEffects([transfer(TOKEN, COLLATERAL, OTHER, 5_000_000n)], parameters, WALLET)).toMatchObject(refused);
    expect(checkEffects([transfer(OTHER, COLLATERAL, DESTINATION, 5_000_000n)], parameters, WALLET)).toMatchObject(refused);
    expect(checkEffects([paid, transfer(TOKEN, WALLET, OTHER, 1n)], parameters, WALLET)).toMatchObject(refused);
    expect(checkEffects([paid, withdrawal(COLLATERAL, TOKEN, 50_000_000n)], parameters, WALLET)).toMatchObject(refused);
  });
});
