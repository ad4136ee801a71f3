import { erc20Abi, parseAbi } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTestFunds } from "#widget/steps/deposit/test-funds";
import type { WalletAdapter } from "#widget/wallet/wallet-adapter";
import { expectRevert } from "@machines-card/demo/chain/testing/expect-revert";
import { type ChainFixture, startChainFixture } from "@machines-card/demo/chain/testing/chain-fixture";

/**
 * The sandbox's rUSD has the public faucet Rain's rUSD has on Base Sepolia, and the widget's "add test
 * funds" calldata (hand-encoded) mints and transfers for real on it.
 */
let f: ChainFixture;
beforeAll(async () => {
  f = await startChainFixture();
}, 120_000);
afterAll(() => f?.stop());

const faucetAbi = parseAbi(["function mint(uint256 _amountDollars_Max100)", "error AboveFaucetLimit(uint256 dollars)"]);
const balance = (address: `0x${string}`) => f.publicClient.readContract({ address: f.chain.tokenAddress, abi: erc20Abi, functionName: "balanceOf", args: [address] });

describe("TestDollar's public faucet", () => {
  it("mints whole dollars to the caller, at most 100 a call", async () => {
    const wallet = await f.newWallet();
    const hash = await wallet.writeContract({ address: f.chain.tokenAddress, abi: faucetAbi, functionName: "mint", args: [25n] });
    await f.publicClient.waitForTransactionReceipt({ hash });
    expect(await balance(wallet.account.address)).toBe(25_000_000n);
    await expectRevert(
      wallet.writeContract({ address: f.chain.tokenAddress, abi: faucetAbi, functionName: "mint", args: [101n] }),
      "AboveFaucetLimit",
    );
  });

  it("takes the widget's add-test-funds calls: $100 minted to the wallet, then sent to the deposit address", async () => {
    const wallet = await f.newWallet();
    const deposit = (await f.newWallet()).account.address;
    const adapter: WalletAdapter = {
      provider: "eip1193",
      onApprovalRequired: null,
      address: async () => wallet.account.address,
      signTypedData: async () => Promise.reject(new Error("not asked")),
      async sendTransaction(tx) {
        const hash = await wallet.sendTransaction({ to: tx.to as `0x${string}`, data: tx.data as `0x${string}` });
        const receipt = await f.publicClient.waitForTransactionReceipt({ hash });
        expect(receipt.status).toBe("success");
        return hash;
      },
    };
    const hashes = await addTestFunds(adapter, { token: f.chain.tokenAddress, to: deposit, chainId: f.chain.chainId });
    expect(hashes).toHaveLength(2);
    expect(await balance(deposit)).toBe(100_000_000n);
    expect(await balance(wallet.account.address)).toBe(0n);
  });
});
