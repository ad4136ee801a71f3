import { expect, fixture, html } from "@open-wc/testing";
import { render, type CSSResult } from "lit";
import type { Deposit } from "@machines-card/contract/api/deposits";
import type { CopyButton } from "../../components/copy-button";
import { coreCatalogs } from "../../i18n/core-messages";
import { createI18n } from "../../i18n/translator";
import { machinesCardStyles } from "../../machines-card.styles";
import { loadStep } from "../registry";
import { depositAddress, isMoving, type DepositAddressView } from "./deposit-address";
import { DepositStep } from "./deposit-step";
import { depositMessages } from "./deposit.messages";

// What the sandbox never produces (a memo, a failed or canceled deposit, a status Machines may add),
// rendered with the step's own template and styles.
const i18n = createI18n("en-US", "en", { core: coreCatalogs as never });
const DEPOSIT: Deposit = {
  id: "dep_0123456789abcdef",
  contractId: "c0ffee00-0000-4000-8000-000000000001",
  changeNowId: "ff65698c01121a",
  fromCurrency: "xlm",
  fromNetwork: "xlm",
  depositAddress: "GCKFBEIYTKP5RDBQMTVVALONAOPBXICILMAFHNPQFQRVQWGKBMJBBXQX",
  payinExtraId: "1234567890",
  chainId: null,
  minAmount: 10,
  maxAmount: 50_000,
  status: "awaitingDeposit",
  createdAt: "2026-11-21T06:00:00.000Z",
  updatedAt: "2026-11-21T06:00:00.000Z",
};

async function show(deposit: Partial<Deposit>, more: Partial<DepositAddressView> = {}) {
  await loadStep("deposit"); // defines <mc-copy-button>
  const host = await fixture<HTMLElement>(html`<div></div>`);
  const root = host.attachShadow({ mode: "open" });
  const sheets = [...machinesCardStyles, ...(DepositStep.styles as CSSResult[])];
  root.adoptedStyleSheets = sheets.map((s) => s.styleSheet!);
  const view = depositAddress({
      t: (key, values) => i18n.t(depositMessages, key, values),
      deposit: { ...DEPOSIT, ...deposit },
      assetName: "Stellar Lumens",
      networkName: "Stellar",
      amount: (value) => `${i18n.number(value)} XLM`,
      money: (cents) => i18n.money(cents),
      reference: (id) => i18n.core("reference", { requestId: id }),
      balances: null,
      balanceStale: false,
      pollFailed: false,
      onRefresh: () => undefined,
      onContinue: () => undefined,
      onAnother: () => undefined,
    ...more,
  });
  // Inside the element's frame, which paints the theme's background.
  render(html`<section class="frame">${view}</section>`, root);
  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim() ?? null;
  return { host, root, text };
}

describe("deposit step: the address view", () => {
  it("puts the memo forward when the network needs one, with its own copy button, accessibly", async () => {
    const { host, root, text } = await show({});
    await expect(host).to.be.accessible();
    expect(text(".memo strong")).to.equal("Memo (tag)");
    expect(text(".memo-value")).to.equal("1234567890");
    expect(text(".memo p")).to.equal("Include this memo with your transfer, or the deposit can’t be credited.");
    const [address, memo] = root.querySelectorAll<CopyButton>("mc-copy-button");
    expect([address!.value, address!.label]).to.deep.equal([DEPOSIT.depositAddress, "Copy address"]);
    expect([memo!.value, memo!.label]).to.deep.equal(["1234567890", "Copy memo"]);
    expect(text(".notice.warning")).to.contain("Send only Stellar Lumens on Stellar to this address.");
    expect(text(".address-text p")).to.equal("Send at least 10 XLM.");
  });

  it("is readable in the dark theme", async () => {
    const { host } = await show({});
    host.setAttribute("theme", "dark");
    await expect(host).to.be.accessible();
  });

  it("explains a failed deposit with its reference, and offers a new one", async () => {
    const { root, text } = await show({ status: "failed" });
    expect(text("[data-status-heading]")).to.equal("This deposit failed");
    expect(text(".deposit > p.muted")).to.contain("contact support with the reference below");
    expect(text(".mono.small")).to.equal("Reference: dep_0123456789abcdef");
    expect(root.querySelector("code.address")).to.equal(null);
    expect([...root.querySelectorAll("button")].map((b) => b.textContent!.trim())).to.deep.equal(["Start a new deposit"]);
  });

  it("explains a canceled deposit", async () => {
    const { text } = await show({ status: "canceled" });
    expect(text("[data-status-heading]")).to.equal("This deposit was canceled");
    expect(text(".deposit > p.muted")).to.equal("This address is closed. Start a new deposit to get a fresh one.");
  });

  it("reads Machines' pending like awaiting, and names a status it does not know", async () => {
    expect((await show({ status: "pending" })).text("[data-status-heading]")).to.equal("Waiting for your transfer");
    expect((await show({ status: "refunded" })).text("[data-status-heading]")).to.equal("Status: refunded");
  });

  it("shows a status it does not know as in progress, still watched, without the address to send to", async () => {
    const { root, text } = await show({ status: "refunded" });
    expect(text(".badge")).to.equal("In progress");
    expect(root.querySelector(".spinner")).not.to.equal(null);
    expect(root.querySelector("code.address")).to.equal(null);
    expect(root.querySelector("[role=alert]")).to.equal(null);
    expect(text(".deposit > p.muted")).to.equal("We’ll keep checking and update this page.");
    expect(isMoving("refunded")).to.equal(true);
    expect(["completed", "failed", "canceled"].map(isMoving)).to.deep.equal([false, false, false]);
  });

  it("says the credit limit may take a few minutes when it has not grown yet", async () => {
    const balances = { creditLimit: 1000, pendingCharges: 0, postedCharges: 0, balanceDue: 0, spendingPower: 1000 };
    const { text } = await show({ status: "completed" }, { balances, balanceStale: true });
    expect(text("[data-credit-limit]")).to.equal("$10.00");
    expect(text(".balances + p")).to.contain("Your credit limit can take a few minutes to update.");
  });
});
