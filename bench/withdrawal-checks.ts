/**
 * What binding a withdrawal to its request costs (worker/src/withdrawals/README.md, "Binding"):
 * - RPC calls the checks add, counted by a JSON-RPC transport around the stack's anvil: binding a ready
 *   reply (create) and again at prepare, cold (the token's decimals not read yet in this isolate) and warm;
 *   the dry run was already one call (eth_call) and stays one (eth_simulateV1); submit adds none;
 * - CPU of the pure checks (amount/token/target/destination and the dry run's effects), per withdrawal.
 * Figures are printed, never asserted: the targets are ≤ 3 extra RPC calls and < 2 ms CPU.
 */
import { performance } from "node:perf_hooks";
import { type Address, createPublicClient, custom, defineChain, encodeAbiParameters, encodeEventTopics, erc20Abi, type Hex } from "viem";
import type { ChainClient } from "../worker/src/chain/chain-client";
import { readTokenDecimals } from "../worker/src/chain/read-token-decimals";
import { checkBinding } from "../worker/src/withdrawals/binding/check-binding";
import { checkEffects } from "../worker/src/withdrawals/binding/check-effects";
import type { RunningStack } from "../test/stack";

export interface WithdrawalCheckFigures {
  rpcPerBindCold: number;
  rpcPerBindWarm: number;
  /** Create binds once, prepare once more: the extra calls of one withdrawal once cached. */
  rpcPerWithdrawalWarm: number;
  cpuMsPerWithdrawal: number;
}

export async function measureWithdrawalChecks(stack: RunningStack): Promise<WithdrawalCheckFigures> {
  const chainInfo = (await (await fetch(`${stack.sandboxUrl}/sandbox/chain`)).json()) as { data: { tokenAddress: Address; controllerAddress: Address } };
  const { tokenAddress: token, controllerAddress: controller } = chainInfo.data;
  let calls = 0;
  const chain = defineChain({ id: stack.chainId, name: "bench", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [stack.rpcUrl] } } });
  const client = createPublicClient({
    chain,
    cacheTime: 0,
    transport: custom({
      async request({ method, params }) {
        calls++;
        const res = await fetch(stack.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: calls, method, params }) });
        const json = (await res.json()) as { result?: unknown; error?: { message: string } };
        if (json.error) throw new Error(json.error.message);
        return json.result;
      },
    }),
  }) as unknown as ChainClient;

  const f = fixture(token, controller);
  // What `bindToRequest` does: the token's decimals (cached per isolate), then the pure checks.
  const bind = async () => {
    const before = calls;
    const decimals = await readTokenDecimals(client, token);
    const refusal = checkBinding({ request: f.request, ...f.prepared, token, callTargets: [controller], decimals });
    if (refusal) throw new Error(`the bench's withdrawal was refused: ${refusal.message}`);
    return calls - before;
  };
  const rpcPerBindCold = await bind();
  const rpcPerBindWarm = await bind();

  const runs = 2_000;
  const input = { request: f.request, ...f.prepared, token, callTargets: [controller], decimals: 6 };
  for (let i = 0; i < 200; i++) checkBinding(input), checkEffects(f.logs, f.prepared.parameters, f.wallet); // warm the JIT
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    // Create binds, prepare binds again and checks the dry run's effects.
    checkBinding(input);
    checkBinding(input);
    checkEffects(f.logs, f.prepared.parameters, f.wallet);
  }
  return { rpcPerBindCold, rpcPerBindWarm, rpcPerWithdrawalWarm: 2 * rpcPerBindWarm, cpuMsPerWithdrawal: (performance.now() - start) / runs };
}

function fixture(token: Address, controller: Address) {
  const collateral: Address = "0x2222222222222222222222222222222222222222";
  const recipient: Address = "0x3333333333333333333333333333333333333333";
  const wallet: Address = "0x5555555555555555555555555555555555555555";
  const parameters = {
    collateralProxy: collateral,
    asset: token,
    amount: 12_340_000n,
    recipient,
    expiresAt: 2_000_000_000,
    executorSalt: `0x${"ab".repeat(32)}` as Hex,
    executorSignature: `0x${"cd".repeat(65)}` as Hex,
  };
  const execution = { callPath: "controller_v1" as const, callTarget: controller, chainId: 31337, collateralProxyAddress: collateral, contractVersion: 1, contractId: null };
  const transfer = {
    address: token,
    topics: encodeEventTopics({ abi: erc20Abi, eventName: "Transfer", args: { from: collateral, to: recipient } }) as Hex[],
    data: encodeAbiParameters([{ type: "uint256" }], [parameters.amount]),
  };
  return {
    request: { amountCents: 1_234, destination: { currency: "rusd", network: "base", address: recipient, extraId: null } },
    prepared: { parameters, execution, relay: null },
    logs: [transfer],
    wallet,
  };
}
