import { type Address, type Hash, parseEther } from "viem";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controllerV1Abi } from "@machines-card/contract/abi/controller-v1";
import { coordinatorV2Abi } from "@machines-card/contract/abi/coordinator-v2";
import { erc20Abi } from "@machines-card/contract/abi/erc20";
import { startAnvil } from "./anvil";
import { loadArtifacts } from "./compile";
import { SANDBOX_EXECUTOR_PRIVATE_KEY } from "./keys";
import { SandboxChainError, connectSandboxChain, createSandboxChain } from "./sandbox-chain";
import { testDollarMintAbi } from "./sandbox-abi";
import { type ChainFixture, startChainFixture } from "./testing/chain-fixture";
import { expectRevert } from "./testing/expect-revert";

const USD = 1_000_000n;

let f: ChainFixture;
beforeAll(async () => {
  f = await startChainFixture();
});
afterAll(() => f?.stop());

/** Resolves once `predicate` holds, polling; fails the test after `ms`. */
async function eventually(predicate: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("createSandboxChain", () => {
  it("deploys the test dollar (rUSD, 6 decimals) and both call targets with the sandbox executor registered", async () => {
    const { chain, publicClient } = f;
    const { TestDollar } = await loadArtifacts();
    expect(chain.chainId).toBe(31337);
    expect(chain.tokenDecimals).toBe(6);
    expect(await publicClient.readContract({ address: chain.tokenAddress, abi: TestDollar.abi, functionName: "name" })).toBe("Test Dollar");
    expect(await publicClient.readContract({ address: chain.tokenAddress, abi: TestDollar.abi, functionName: "symbol" })).toBe("rUSD");
    expect(chain.executorAddress).toBe(privateKeyToAddress(SANDBOX_EXECUTOR_PRIVATE_KEY));
    expect(await publicClient.readContract({ address: chain.controllerAddress, abi: controllerV1Abi, functionName: "controllerAdmin" })).toBe(
      chain.executorAddress,
    );
    expect(await publicClient.readContract({ address: chain.coordinatorAddress, abi: coordinatorV2Abi, functionName: "executor" })).toBe(
      chain.executorAddress,
    );
  });

  it("reuses a deployment that is live, and connectSandboxChain binds to it", async () => {
    const again = await createSandboxChain({ rpcUrl: f.anvil.rpcUrl, deployment: f.chain.deployment });
    expect(again.deployment).toEqual(f.chain.deployment);
    const connected = await connectSandboxChain({ rpcUrl: f.anvil.rpcUrl, deployment: f.chain.deployment });
    expect(connected.tokenAddress).toBe(f.chain.tokenAddress);
  });

  it("refuses to connect where the deployment is absent, or with an executor key the contracts do not know", async () => {
    const empty = await startAnvil();
    try {
      await expect(connectSandboxChain({ rpcUrl: empty.rpcUrl, deployment: f.chain.deployment })).rejects.toBeInstanceOf(SandboxChainError);
    } finally {
      await empty.stop();
    }
    await expect(
      connectSandboxChain({ rpcUrl: f.anvil.rpcUrl, deployment: f.chain.deployment, executorPrivateKey: generatePrivateKey() }),
    ).rejects.toThrow(/executor key/);
  });
});

describe("collaterals, faucet and gas", () => {
  it("provisions a collateral whose first admin is the given wallet, and manages its admins", async () => {
    const admin = (await f.newWallet()).account.address;
    const other = (await f.newWallet()).account.address;
    const { proxyAddress } = await f.chain.provisionCollateral({ admin, version: 2 });
    expect(await f.chain.isCollateralAdmin({ proxyAddress, admin })).toBe(true);
    expect(await f.chain.isCollateralAdmin({ proxyAddress, admin: other })).toBe(false);
    expect(await f.chain.adminNonce(proxyAddress)).toBe(0n);
    await f.chain.addCollateralAdmin({ proxyAddress, admin: other });
    expect(await f.chain.isCollateralAdmin({ proxyAddress, admin: other })).toBe(true);
    await f.chain.removeCollateralAdmin({ proxyAddress, admin: other });
    expect(await f.chain.isCollateralAdmin({ proxyAddress, admin: other })).toBe(false);
  });

  it("handles concurrent deployer transactions without nonce collisions", async () => {
    const admin = (await f.newWallet()).account.address;
    const proxies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => f.chain.provisionCollateral({ admin, version: i % 2 === 0 ? 1 : 2 })),
    );
    const addresses = proxies.map((p) => p.proxyAddress);
    expect(new Set(addresses).size).toBe(8);
    await Promise.all(addresses.map((to, i) => f.chain.mintToken({ to, amount: BigInt(i + 1) * USD })));
    expect(await Promise.all(addresses.map((a) => f.chain.tokenBalance(a)))).toEqual(addresses.map((_, i) => BigInt(i + 1) * USD));
  });

  it("mints test dollars (the faucet) and returns the mined transaction; nobody else can mint", async () => {
    const wallet = await f.newWallet();
    const hash = await f.chain.mintToken({ to: wallet.account.address, amount: 12n * USD });
    expect((await f.publicClient.getTransactionReceipt({ hash })).status).toBe("success");
    expect(await f.chain.tokenBalance(wallet.account.address)).toBe(12n * USD);
    await expectRevert(
      wallet.writeContract({ address: f.chain.tokenAddress, abi: testDollarMintAbi, functionName: "mint", args: [wallet.account.address, 1n] }),
      "NotMinter",
    );
  });

  it("gives an address gas money", async () => {
    const address = privateKeyToAddress(generatePrivateKey());
    await f.chain.fundGas({ address, wei: parseEther("2") });
    expect(await f.publicClient.getBalance({ address })).toBe(parseEther("2"));
  });
});

describe("watchTokenTransfers", () => {
  it("reports a deposit transfer into a collateral once, with its transaction, and stops when asked", async () => {
    const depositor = await f.newWallet();
    await f.chain.mintToken({ to: depositor.account.address, amount: 50n * USD });
    const { proxyAddress } = await f.chain.provisionCollateral({ admin: depositor.account.address, version: 1 });
    const seen: { to: Address; from: Address; amount: bigint; txHash: Hash; blockNumber: bigint }[] = [];
    const stop = f.chain.watchTokenTransfers((t) => seen.push(t));
    await new Promise((r) => setTimeout(r, 60)); // let the first poll fix the starting block

    const hash = await depositor.writeContract({ address: f.chain.tokenAddress, abi: erc20Abi, functionName: "transfer", args: [proxyAddress, 20n * USD] });
    const receipt = await f.publicClient.waitForTransactionReceipt({ hash });
    await eventually(() => seen.length > 0);
    expect(seen).toEqual([{ from: depositor.account.address, to: proxyAddress, amount: 20n * USD, txHash: hash, blockNumber: receipt.blockNumber }]);

    stop();
    await f.chain.mintToken({ to: proxyAddress, amount: USD });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toHaveLength(1);
  });

  it("replays from an earlier block, and keeps polling when the callback throws", async () => {
    const wallet = await f.newWallet();
    const first = await f.chain.mintToken({ to: wallet.account.address, amount: 1n });
    const { blockNumber } = await f.publicClient.getTransactionReceipt({ hash: first });
    const seen: Hash[] = [];
    const errors: unknown[] = [];
    const stop = f.chain.watchTokenTransfers(
      (t) => {
        if (t.to !== wallet.account.address) return;
        seen.push(t.txHash);
        if (seen.length === 1) throw new Error("consumer failed");
      },
      { fromBlock: blockNumber, onError: (e) => errors.push(e) },
    );
    try {
      await eventually(() => seen.length === 1);
      const second = await f.chain.mintToken({ to: wallet.account.address, amount: 2n });
      await eventually(() => seen.length === 2);
      expect(seen).toEqual([first, second]);
      expect(errors).toHaveLength(1);
    } finally {
      stop();
    }
  });
});
