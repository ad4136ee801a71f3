import { expect, waitUntil } from "@open-wc/testing";
import { decodeFunctionData, parseAbi } from "viem";
import type { PublicConfig } from "@machines-card/contract/api/config";
import type { Deposit } from "@machines-card/contract/api/deposits";
import { fakeWorker } from "#test/fake-worker";
import { renderStep } from "#test/step-fixture";
import { WalletError, type Transaction, type WalletAdapter } from "../../wallet/wallet-adapter";
import type { DepositStep } from "./deposit-step";

// The sandbox-only "add test funds": which configs offer it, and what the user's wallet is asked to send.
const RUSD = "0x10b5Be494C2962A7B318aFB63f0Ee30b959D000b";
const WALLET = "0x00000000000000000000000000000000000a11ce" as const;
const DEPOSIT: Deposit = {
  id: "dep_test_funds",
  contractId: "c0ffee00-0000-4000-8000-000000000002",
  changeNowId: null,
  fromCurrency: "rusd",
  fromNetwork: "base",
  depositAddress: "0x1234567890AbcdEF1234567890aBcdef12345678",
  payinExtraId: null,
  chainId: 84532,
  minAmount: 1,
  maxAmount: null,
  status: "awaitingDeposit",
  createdAt: "2026-12-05T06:00:00.000Z",
  updatedAt: "2026-12-05T06:00:00.000Z",
};
const ASSETS = { assets: [{ ticker: "RUSD", name: "rUSD", icon: null, networks: [{ id: "base", label: "Base", chainId: 84532, tokenContract: RUSD }] }] };
const STAGING: Partial<PublicConfig> = {
  environment: "sandbox",
  auth: { provider: "crossmint", clientApiKey: "ck_staging_x" },
  wallet: { provider: "crossmint" },
  chain: { id: 84532, name: "Base Sepolia", explorerUrl: null },
  testFunds: { token: RUSD },
};

function recordingWallet(): WalletAdapter & { sent: Transaction[] } {
  const sent: Transaction[] = [];
  return {
    provider: "crossmint",
    onApprovalRequired: null,
    sent,
    address: async () => WALLET,
    signTypedData: async () => Promise.reject(new Error("not asked")),
    sendTransaction: async (tx) => {
      sent.push(tx);
      return `0x${String(sent.length).padStart(64, "0")}`;
    },
  };
}

async function render(config: Partial<PublicConfig>, wallet = recordingWallet()) {
  const fetch = fakeWorker({ "GET /v1/deposits/assets": ASSETS, "GET /v1/deposits": { deposits: [DEPOSIT] }, [`GET /v1/deposits/${DEPOSIT.id}`]: { deposit: DEPOSIT } });
  const { step, recorder } = await renderStep<DepositStep>("deposit", { fetch, config, wallet, token: async () => "jwt" });
  const root = step.shadowRoot!;
  await waitUntil(() => root.querySelector("[data-status-heading]"), "the open deposit should show", { timeout: 8000 });
  return { root, recorder, wallet };
}

describe("deposit step: add test funds (sandbox environments only)", () => {
  it("is hidden in production, even when the config names a token", async () => {
    const { root } = await render({ ...STAGING, environment: "production" });
    expect(root.querySelector("[data-test-funds]")).to.equal(null);
  });

  it("is hidden in a sandbox whose Worker offers none", async () => {
    const { root } = await render({ ...STAGING, testFunds: null });
    expect(root.querySelector("[data-test-funds]")).to.equal(null);
    const { root: older } = await render({ ...STAGING, testFunds: undefined });
    expect(older.querySelector("[data-test-funds]")).to.equal(null);
  });

  it("is shown on staging, mints $100 of rUSD from the user's wallet, then sends it to the deposit address", async () => {
    const { root, recorder, wallet } = await render(STAGING);
    const button = root.querySelector<HTMLButtonElement>("[data-test-funds] button")!;
    expect(button.textContent!.trim()).to.equal("Add $100 of test funds");
    expect(root.querySelector("[data-test-funds] p")!.textContent).to.contain("mints 100 test rUSD");
    button.click();
    await waitUntil(() => recorder.announcements.includes("Test funds sent. This page updates when they arrive."), "the funds should be sent");

    expect(wallet.sent.map((tx) => ({ from: tx.from, to: tx.to, chainId: tx.chainId, value: tx.value }))).to.deep.equal([
      { from: WALLET, to: RUSD, chainId: 84532, value: "0x0" },
      { from: WALLET, to: RUSD, chainId: 84532, value: "0x0" },
    ]);
    const abi = parseAbi(["function mint(uint256 _amountDollars_Max100)", "function transfer(address to, uint256 amount) returns (bool)"]);
    const [mint, transfer] = wallet.sent.map((tx) => decodeFunctionData({ abi, data: tx.data as `0x${string}` }));
    expect(mint).to.deep.equal({ functionName: "mint", args: [100n] });
    expect(transfer!.functionName).to.equal("transfer");
    expect((transfer!.args![0] as string).toLowerCase()).to.equal(DEPOSIT.depositAddress!.toLowerCase());
    expect(transfer!.args![1]).to.equal(100_000_000n);
  });

  it("says why when the wallet refuses, and sends nothing more", async () => {
    const wallet = recordingWallet();
    wallet.sendTransaction = async () => Promise.reject(new WalletError("user_rejected", "declined"));
    const { root, recorder } = await render(STAGING, wallet);
    root.querySelector<HTMLButtonElement>("[data-test-funds] button")!.click();
    await waitUntil(() => recorder.announcements.length > 0, "the refusal should be announced");
    expect(wallet.sent).to.deep.equal([]);
    expect(root.querySelector<HTMLButtonElement>("[data-test-funds] button")!.disabled).to.equal(false);
  });
});
