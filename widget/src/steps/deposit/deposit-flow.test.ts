import { expect, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { depositRoutes } from "@machines-card/contract/api/deposits";
import type { CopyButton } from "../../components/copy-button";
import { stack } from "#test/services";
import { depositor, renderDeposit } from "#test/deposit-fixture";
import { clearFaults, sandboxControl, sandboxDeposits } from "#test/sandbox";

function created(events: CustomEvent[]) {
  return events.filter((e) => e.type === "mc-deposit-created").map((e) => e.detail);
}

describe("deposit step: creating and following a deposit", () => {
  before(async function () {
    this.timeout(180_000);
    if (!(await stack())) this.skip();
  });

  it("gives one address per intent, even when the reply is lost and the user tries again", async function () {
    this.timeout(30_000);
    const { stack: s, user } = (await depositor())!;
    const d = await renderDeposit(s, user);
    await waitUntil(() => d.$("dl.range"), "the range should load", { timeout: 8000 });
    d.$<HTMLInputElement>("#deposit-amount")!.focus();
    await sendKeys({ type: "25" });
    // The deposit is made upstream but its reply is unreadable (the Worker retries once with the same key).
    const { faults } = await sandboxControl<{ faults: { id: string }[] }>(s, "POST", "/faults", { method: "POST", path: "/deposits", kind: "malformed", times: 2, userId: user.machinesUserId });
    try {
      await sendKeys({ press: "Enter" });
      await waitUntil(() => d.$("[role=alert]"), "the failure should show", { timeout: 10_000 });
    } finally {
      await clearFaults(s, faults);
    }
    expect(created(d.recorder.events)).to.deep.equal([]);
    d.button("Get my deposit address")!.click();
    await waitUntil(() => d.$("[data-status-heading]"), "the address should show", { timeout: 10_000 });

    const deposits = await sandboxDeposits(s, user);
    expect(deposits.length).to.equal(1);
    const [event] = created(d.recorder.events);
    const address = d.text("code.address")!;
    expect(event).to.deep.equal({ depositId: deposits[0]!.id, currency: "rusd", network: "base", depositAddress: address, memo: null });
    expect(address).to.match(/^0x[0-9a-fA-F]{40}$/);
    expect(d.text("[data-status-heading]")).to.equal("Waiting for your transfer");
    expect(d.root.activeElement?.hasAttribute("data-status-heading")).to.equal(true);
    expect(d.text(".notice.warning")).to.equal(
      "Send only rUSD on Base to this address. Anything else sent here is lost.",
    );
    const qr = d.$("svg.qr")!;
    expect(qr.getAttribute("role")).to.equal("img");
    expect(qr.getAttribute("aria-label")).to.equal("QR code of the deposit address");
    expect(qr.querySelector("path")!.getAttribute("d")).to.match(/^M\d+ \d+h\d+v1h-\d+z/);
    expect(qr.hasAttribute("style")).to.equal(false);
    const copy = d.$<CopyButton>("mc-copy-button")!;
    expect(copy.value).to.equal(address);
    expect(copy.label).to.equal("Copy address");
    expect(d.text(".address-text p")).to.equal("Send at least 1 RUSD.");
    expect(d.$(".memo")).to.equal(null);
    await expect(d.host).to.be.accessible();
  });

  it("follows a real transfer until it is credited, then shows and reports the new balances", async function () {
    this.timeout(40_000);
    const { stack: s, user } = (await depositor())!;
    const d = await renderDeposit(s, user);
    await waitUntil(() => d.$("dl.range"), "the range should load", { timeout: 8000 });
    d.button("Get my deposit address")!.click();
    await waitUntil(() => d.$("code.address"), "the address should show", { timeout: 10_000 });
    const depositId = created(d.recorder.events)[0]!.depositId;

    // Test dollars minted to the deposit address: the sandbox sees the transfer on the chain.
    await sandboxControl(s, "POST", "/faucet", { userId: user.machinesUserId, amountCents: 2500 });
    await waitUntil(() => d.text("[data-status-heading]") === "Money added", "the deposit should complete", { timeout: 30_000 });
    await waitUntil(() => d.$("[data-credit-limit]"), "the new balances should show", { timeout: 5000 });

    expect(d.recorder.announcements).to.include("Money added. Your credit limit is now $25.00.");
    const completed = d.recorder.events.filter((e) => e.type === "mc-deposit-completed").map((e) => e.detail);
    expect(completed).to.deep.equal([{ depositId, creditLimitCents: 2500 }]);
    const balances = d.recorder.updates.map((u) => u.patch?.balances).filter(Boolean);
    expect(balances.at(-1)).to.include({ creditLimit: 2500, spendingPower: 2500 });
    expect(d.text("[data-credit-limit]")).to.equal("$25.00");
    expect(d.$("code.address")).to.equal(null);
    await expect(d.host).to.be.accessible();

    d.$<HTMLButtonElement>("[data-continue]")!.click();
    expect(d.recorder.updates.at(-1)).to.deep.equal({ go: "next" });
    d.button("Make another deposit")!.click();
    await waitUntil(() => d.root.activeElement?.id === "deposit-asset", "a new deposit starts at the asset");
  });

  it("shows a deposit still under way on the next visit instead of making another, and sees it completed", async function () {
    this.timeout(30_000);
    const { stack: s, user } = (await depositor())!;
    const { deposit } = await user.client.call(depositRoutes.createDeposit, { body: { currency: "rusd", network: "base", amount: 40 } });
    const d = await renderDeposit(s, user);
    expect(d.text("code.address")).to.equal(deposit.depositAddress);
    expect(created(d.recorder.events)).to.deep.equal([]);

    await sandboxControl(s, "POST", `/deposits/${deposit.id}/complete`, {});
    await waitUntil(() => d.text("[data-status-heading]") === "Money added", "the deposit should complete", { timeout: 20_000 });
    await waitUntil(() => d.$("[data-credit-limit]"), "the new balances should show", { timeout: 5000 });
    expect(d.text("[data-credit-limit]")).to.equal("$40.00");
    expect((await sandboxDeposits(s, user)).length).to.equal(1);
  });
});
