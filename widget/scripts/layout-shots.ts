import { expect, waitUntil } from "@open-wc/testing";
import { executeServerCommand, sendKeys, setViewport } from "@web/test-runner-commands";
import { sandboxUser } from "#test/sandbox";
import { stack } from "#test/services";
import { renderStep } from "#test/step-fixture";
import { LANGUAGES } from "../src/i18n/languages";
import type { StepElement } from "../src/steps/step-element";
import { createSandboxWallet } from "../src/wallet/sandbox-wallet";

// Run by `npm run layout:shots` (layout-shots.config.mjs): screenshots to look at, and a check that no
// text or control sticks out of a phone-wide card in any language.

const WIDTH = 360;

/** Elements of the step that reach past the card's right edge (a long word or label that does not wrap). */
function overflowing(step: StepElement, host: HTMLElement): string[] {
  const right = host.getBoundingClientRect().right + 0.5;
  return [...step.shadowRoot!.querySelectorAll<HTMLElement>("*")]
    .filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > right)
    .map((e) => `<${e.localName}${e.id ? `#${e.id}` : ""}${e.className ? `.${String(e.className).split(" ").join(".")}` : ""}> ${e.textContent!.trim().slice(0, 40)}`);
}

async function shoot(name: string, step: StepElement, host: HTMLElement): Promise<string[]> {
  host.scrollIntoView();
  await executeServerCommand("layout-screenshot", { name });
  return overflowing(step, host).map((o) => `${name}: ${o}`);
}

describe("layout in every language", function () {
  this.timeout(600_000);

  it("the KYC form (with every field's error) and the withdraw form and review fit a phone-wide card", async () => {
    const services = await stack();
    expect(services, "the stack should start").to.not.equal(null);
    const s = services as NonNullable<typeof services> & { signerUrl: string };
    await setViewport({ width: WIDTH + 40, height: 900 });
    const applicant = await sandboxUser(s, { stage: "signed-in" });
    const problems: string[] = [];

    for (const locale of LANGUAGES) {
      const kyc = await renderStep("kyc", { workerUrl: s.workerUrl, token: applicant.token, state: applicant.state, locale });
      kyc.host.style.width = `${WIDTH}px`;
      const kycRoot = kyc.step.shadowRoot!;
      await waitUntil(() => kycRoot.querySelector("form button[type=submit]"), `the KYC form in ${locale}`, { timeout: 20_000 });
      kycRoot.querySelector<HTMLButtonElement>("form button[type=submit]")!.click();
      await waitUntil(() => kycRoot.querySelector("[part~=field-error]"), `the KYC errors in ${locale}`, { timeout: 5000 });
      await kyc.step.updateComplete;
      problems.push(...(await shoot(`kyc-form-${locale}`, kyc.step, kyc.host)));
      kyc.host.remove();

      // A user of their own per language: the review leaves a prepared withdrawal, which the step would resume.
      const funded = await sandboxUser(s, { fundCents: 200_00 });
      const wallet = createSandboxWallet({ signerUrl: s.signerUrl, token: funded.token });
      const w = await renderStep("withdraw", { workerUrl: s.workerUrl, token: funded.token, state: funded.state, wallet, locale });
      w.host.style.width = `${WIDTH}px`;
      const root = w.step.shadowRoot!;
      await waitUntil(() => root.querySelector("#withdraw-amount-hint"), `the withdraw form in ${locale}`, { timeout: 20_000 });
      problems.push(...(await shoot(`withdraw-form-${locale}`, w.step, w.host)));
      root.querySelector<HTMLInputElement>("#withdraw-amount")!.focus();
      await sendKeys({ type: "25" });
      root.querySelector<HTMLInputElement>("#withdraw-address")!.focus();
      await sendKeys({ type: "0x4ebdf0a3a0bf1bd03dd5a56ec6b1b5c8e3ad7c8b" });
      await sendKeys({ press: "Enter" });
      await waitUntil(() => root.querySelector("[data-action=confirm]"), `the withdraw review in ${locale}`, { timeout: 30_000 });
      problems.push(...(await shoot(`withdraw-review-${locale}`, w.step, w.host)));
      w.host.remove();
    }
    expect(problems, problems.join("\n")).to.deep.equal([]);
  });
});
