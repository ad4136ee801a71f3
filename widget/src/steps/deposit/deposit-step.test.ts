import { expect, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import type { StackUrls } from "#test/services";
import { renderStep } from "#test/step-fixture";
import type { DepositStep } from "./deposit-step";
import { depositor, renderDeposit } from "#test/deposit-fixture";
import { clearFaults, sandboxControl, sandboxDeposits, type SandboxUser } from "#test/sandbox";

// One user for the tests that only look and type; the tests that create have their own.
let s: StackUrls;
let user: SandboxUser;

describe("deposit step: choosing", () => {
  before(async function () {
    this.timeout(180_000);
    const found = await depositor();
    if (!found) this.skip();
    ({ stack: s, user } = found!);
  });

  it("is accessible, offers the assets and networks with the partner's defaults chosen, and shows the range", async () => {
    const d = await renderDeposit(s, user, { defaults: { depositAsset: "rusd", depositNetwork: "BASE" } });
    await waitUntil(() => d.$("dl.range"), "the range should load", { timeout: 8000 });
    await expect(d.host).to.be.accessible();
    const asset = d.$<HTMLSelectElement>("#deposit-asset")!;
    expect([...asset.options].map((o) => o.textContent)).to.deep.equal(["rUSD (RUSD)"]);
    expect(asset.value).to.equal("RUSD");
    expect(d.$<HTMLSelectElement>("#deposit-network")!.value).to.equal("base");
    expect(d.$("label[for=deposit-network]")!.textContent).to.contain("Network");
    expect(d.text("dl.range")).to.equal("Minimum 1 RUSD Maximum No maximum");
    expect(d.$<HTMLInputElement>("#deposit-amount")!.getAttribute("inputmode")).to.equal("decimal");
  });

  it("estimates an amount once the user pauses typing, and explains one it cannot take", async () => {
    const d = await renderDeposit(s, user);
    await waitUntil(() => d.$("dl.range"), "the range should load", { timeout: 8000 });
    const amount = d.$<HTMLInputElement>("#deposit-amount")!;
    amount.focus();
    await sendKeys({ type: "0.5" });
    expect(d.$("#deposit-amount-error")).to.equal(null); // not while typing
    await waitUntil(() => d.$("#deposit-amount-error"), "a too small amount should be explained");
    expect(d.text("#deposit-amount-error")).to.equal("The minimum deposit is 1 RUSD.");
    expect(amount.getAttribute("aria-invalid")).to.equal("true");

    amount.select();
    await sendKeys({ type: "25" });
    await waitUntil(() => d.text(".estimate")?.startsWith("You’ll get"), "the estimate should show", { timeout: 5000 });
    expect(d.text(".estimate")).to.equal("You’ll get about 25 RUSD in card credit.");
    expect(d.$("#deposit-amount-error")).to.equal(null);

    amount.select();
    await sendKeys({ type: "lots" });
    await waitUntil(() => d.$("#deposit-amount-error"));
    expect(d.text("#deposit-amount-error")).to.equal("Enter an amount like 25 or 25.50.");
    await sendKeys({ press: "Enter" });
    await waitUntil(() => d.recorder.announcements.length > 0);
    expect(d.root.activeElement?.id).to.equal("deposit-amount");
    expect(await sandboxDeposits(s, user)).to.deep.equal([]);
  });

  it("speaks Spanish, with amounts written the Spanish way", async () => {
    const d = await renderDeposit(s, user, { locale: "es-ES" });
    await waitUntil(() => d.$("dl.range"), "the range should load", { timeout: 8000 });
    expect(d.text("h2")).to.equal("Añadir dinero");
    d.$<HTMLInputElement>("#deposit-amount")!.focus();
    await sendKeys({ type: "12,5" });
    await waitUntil(() => d.text(".estimate")?.startsWith("Recibirás"), "the estimate should show", { timeout: 5000 });
    expect(d.text(".estimate")).to.equal("Recibirás unos 12,5 RUSD de crédito en la tarjeta.");
    await expect(d.host).to.be.accessible();
  });

  it("says when the Worker cannot be reached, and tries again", async () => {
    const { step, recorder } = await renderStep<DepositStep>("deposit", { workerUrl: "http://127.0.0.1:9", state: user.state });
    await waitUntil(() => step.shadowRoot!.querySelector("[role=alert]"), "the error should show", { timeout: 8000 });
    expect(step.shadowRoot!.querySelector("[role=alert]")!.textContent).to.contain("We couldn’t reach the server.");
    expect(recorder.events.map((e) => e.detail.code)).to.deep.equal(["network_error"]);
    step.shadowRoot!.querySelector<HTMLButtonElement>("[role=alert] button")!.click();
    await waitUntil(() => recorder.events.length === 2, "Try again should ask again", { timeout: 8000 });
  });

  it("says so when deposits are unavailable upstream, and recovers on Try again", async () => {
    const { faults } = await sandboxControl<{ faults: { id: string }[] }>(s, "POST", "/faults", { method: "GET", path: "/deposits/assets", kind: "error", status: 503, times: 2, userId: user.machinesUserId });
    let d;
    try {
      d = await renderDeposit(s, user);
    } finally {
      await clearFaults(s, faults);
    }
    expect(d.text("[role=alert]")).to.contain("Our card provider isn’t answering right now.");
    d.button("Try again")!.click();
    await waitUntil(() => d.$("#deposit-asset"), "the form should load on retry", { timeout: 8000 });
  });
});
