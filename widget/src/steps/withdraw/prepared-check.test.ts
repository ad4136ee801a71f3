import { expect, fixture, html, waitUntil } from "@open-wc/testing";
import { LitElement } from "lit";
import type { PreparedWithdrawal } from "@machines-card/contract/api/withdrawals";
import { fakeWorker } from "#test/fake-worker";
import { withdrawalFixture } from "#test/withdrawal-fixture";
import { ApiError } from "../../api/api-error";
import { createWorkerClient } from "../../api/client";
import { checkPrepared } from "./prepared-check";
import { WithdrawalFlow } from "./withdrawal-flow";

const USER = `0x${"2".repeat(40)}`;
const TOKEN = `0x${"3".repeat(40)}`;
const RECIPIENT = `0x${"1".repeat(40)}`;
const TARGET = `0x${"4".repeat(40)}`;
const SALT = `0x${"5".repeat(64)}`;

// A ready coordinator_v2 withdrawal of 5 USDC (6 decimals) on Base, as the user confirmed it.
const READY = withdrawalFixture({
  destination: { currency: "usdc", network: "base", address: RECIPIENT, extraId: null },
  execution: { callPath: "coordinator_v2", callTarget: TARGET, chainId: 8453, collateralProxyAddress: `0x${"6".repeat(40)}`, contractVersion: 2 },
  call: { tokenAddress: TOKEN, amountNative: "5000000", tokenDecimals: 6, recipient: RECIPIENT, expiresAt: 2_000_000_000 },
  adminAddress: USER,
});

const TYPED: PreparedWithdrawal = {
  kind: "typedData",
  adminSalt: SALT,
  signer: USER,
  typedData: {
    domain: { name: "Collateral", version: "2", chainId: 8453, verifyingContract: `0x${"6".repeat(40)}`, salt: SALT },
    types: {},
    primaryType: "Withdraw",
    message: { user: USER, asset: TOKEN, amount: "5000000", recipient: RECIPIENT, nonce: "0" },
  },
};
const TRANSACTION: PreparedWithdrawal = {
  kind: "transaction",
  transaction: { from: USER, to: TARGET, data: "0xdeadbeef", value: "0x0", chainId: 8453 },
};

function refusal(prepared: unknown): ApiError | null {
  try {
    checkPrepared(READY, prepared as PreparedWithdrawal);
    return null;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
}

describe("prepared withdrawal check (before the wallet is asked)", () => {
  it("accepts the typed data and the transaction of the confirmed withdrawal, whatever the letter case", () => {
    expect(refusal(TYPED)).to.equal(null);
    expect(refusal(TRANSACTION)).to.equal(null);
    expect(refusal({ ...TRANSACTION, transaction: { ...TRANSACTION.transaction, to: TARGET.toUpperCase().replace("0X", "0x") } })).to.equal(null);
  });

  it("refuses typed data that withdraws another amount, token or recipient, for someone else or on another chain", () => {
    const typed = TYPED.kind === "typedData" ? TYPED.typedData : null!;
    const changed = (message: object, domain: object = {}) => ({ ...TYPED, typedData: { ...typed, message: { ...typed.message, ...message }, domain: { ...typed.domain, ...domain } } });
    expect(refusal(changed({ amount: "50000000" }))?.field).to.equal("typedData.message.amount");
    expect(refusal(changed({ asset: TARGET }))?.field).to.equal("typedData.message.asset");
    expect(refusal(changed({ recipient: TARGET }))?.field).to.equal("typedData.message.recipient");
    expect(refusal(changed({ user: TARGET }))?.field).to.equal("typedData.message.user");
    expect(refusal(changed({}, { chainId: 1 }))?.field).to.equal("typedData.domain.chainId");
    expect(refusal(changed({}, { salt: `0x${"7".repeat(64)}` }))?.field).to.equal("typedData.domain.salt");
    expect(refusal({ ...TYPED, signer: TARGET })?.field).to.equal("signer");
  });

  it("refuses a transaction from another wallet, to another contract, with value, on another chain, or without calldata", () => {
    const tx = TRANSACTION.kind === "transaction" ? TRANSACTION.transaction : null!;
    const changed = (fields: object) => ({ kind: "transaction", transaction: { ...tx, ...fields } });
    expect(refusal(changed({ from: TARGET }))?.field).to.equal("transaction.from");
    expect(refusal(changed({ to: RECIPIENT }))?.field).to.equal("transaction.to");
    expect(refusal(changed({ value: "0x1" }))?.field).to.equal("transaction.value");
    expect(refusal(changed({ chainId: 1 }))?.field).to.equal("transaction.chainId");
    expect(refusal(changed({ data: "0x" }))?.field).to.equal("transaction.data");
    expect(refusal(changed({ data: "deadbeef" }))?.field).to.equal("transaction.data");
    expect(refusal({ kind: "permit" })?.field).to.equal("kind");
    expect(refusal(null)?.code).to.equal("invalid_response");
  });
});

class FlowHost extends LitElement {}
customElements.define("test-prepared-check-host", FlowHost);

describe("withdrawal flow with a prepared call that differs", () => {
  it("never asks the wallet, and keeps the withdrawal ready with the error to retry", async () => {
    const host = await fixture<FlowHost>(html`<test-prepared-check-host></test-prepared-check-host>`);
    const elsewhere = { kind: "transaction", transaction: { from: USER, to: RECIPIENT, data: "0xa9059cbb", value: "0x0", chainId: 8453 } };
    const fetch = fakeWorker({ [`POST /v1/withdrawals/${READY.id}/prepare`]: elsewhere });
    let walletAsked = false;
    const errors: unknown[] = [];
    const flow = new WithdrawalFlow(host, {
      api: () => createWorkerClient({ baseUrl: "https://worker.example", fetch }),
      wallet: async () => {
        walletAsked = true;
        throw new Error("the wallet must not be asked");
      },
      onStage: () => undefined,
      onSubmitted: () => undefined,
      onConfirmed: () => undefined,
      onError: (error) => errors.push(error),
    });
    flow.resume(READY);
    await flow.confirm();
    await waitUntil(() => errors.length > 0, "the flow should report the mismatch");
    expect(walletAsked).to.equal(false);
    expect(errors[0]).to.be.instanceOf(ApiError);
    expect((errors[0] as ApiError).field).to.equal("transaction.to");
    expect(flow.stage).to.equal("review");
  });
});
