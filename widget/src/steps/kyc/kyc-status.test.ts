import { expect, waitUntil } from "@open-wc/testing";
import { approvedApplication } from "@machines-card/demo/upstream/testing/approved-application";
import { kycApplicationRoutes } from "@machines-card/contract/api/kyc-application";
import { sandboxUser, setKycStatus, type SandboxUser } from "#test/sandbox";
import { stack, type StackUrls } from "#test/services";
import { renderStep } from "#test/step-fixture";
import type { KycStep } from "./kyc-step";
import { sendKeys } from "@web/test-runner-commands";
import { control, fillValidApplication, query } from "#test/kyc-form";

// One user for the file: they applied with a name the sandbox does not approve, then a reviewer
// (the sandbox control) moves their status around.
let services: StackUrls;
let user: SandboxUser;

async function showStatus(status: string, reason?: string, locale?: string) {
  await setKycStatus(services, user, status, reason);
  // A returning user: the element has not loaded the status yet, so the step asks for it.
  const rendered = await renderStep<KycStep>("kyc", {
    workerUrl: services.workerUrl,
    token: user.token,
    state: { user: { id: "u1", email: user.email } },
    ...(locale ? { locale } : {}),
  });
  await waitUntil(() => rendered.step.shadowRoot!.querySelector("[data-status-heading]"), "the status should show", { timeout: 8000 });
  const text = (selector: string) => rendered.step.shadowRoot!.querySelector(selector)?.textContent?.trim();
  return { ...rendered, text };
}

describe("KYC step: statuses", () => {
  before(async function () {
    this.timeout(180_000);
    const running = await stack();
    if (!running) this.skip();
    services = running!;
    user = await sandboxUser(services, { stage: "signed-in", label: "kyc-status" });
    await user.client.call(kycApplicationRoutes.submitKycApplication, { body: { ...approvedApplication(user.email), lastName: "Lovelace" } });
  });

  const plain: [string, string, string, string][] = [
    ["pending", "We’re checking your details", "This usually takes a minute or two.", "Checking"],
    ["manual_review", "A person is reviewing your application", "up to one business day", "In review"],
    ["locked", "Your application is on hold", "Contact support to continue.", "On hold"],
    ["canceled", "This application was closed", "It can’t continue.", "Closed"],
  ];
  for (const [status, title, body, badge] of plain) {
    it(`explains "${status}" in plain words, and shows no form`, async () => {
      const s = await showStatus(status);
      expect(s.text("[data-status-heading]")).to.equal(title);
      expect(s.text(".status > p")).to.contain(body);
      expect(s.text(".badge")).to.equal(badge);
      expect(s.step.shadowRoot!.querySelector("form")).to.equal(null);
      expect(s.recorder.events.filter((e) => e.type === "mc-kyc-status").map((e) => e.detail.status)).to.deep.equal([status]);
      expect(s.recorder.updates.at(-1)!.patch!.kyc!.status).to.equal(status);
    });
  }

  it("says a denial is final, accessibly, and stops watching", async () => {
    const s = await showStatus("denied", "Identity could not be confirmed");
    await expect(s.host).to.be.accessible();
    expect(s.text("[data-status-heading]")).to.equal("We couldn’t approve your application");
    expect(s.text(".reason")).to.equal("Reason: Identity could not be confirmed");
    expect(s.step.shadowRoot!.querySelector(".watching")).to.equal(null);
    expect(s.step.shadowRoot!.querySelector("a[target=_blank]")).to.equal(null);
    expect(s.step.shadowRoot!.querySelector("[data-continue]")).to.equal(null);
  });

  it("asks for more information with the reason, the verification page, and a way to send the details again", async () => {
    const s = await showStatus("needs_information", "The photo of your ID was blurry");
    await expect(s.host).to.be.accessible();
    expect(s.text("[data-status-heading]")).to.equal("We need a bit more information");
    expect(s.text(".reason")).to.equal("Reason: The photo of your ID was blurry");
    expect(s.recorder.events.find((e) => e.type === "mc-kyc-status")!.detail).to.deep.equal({
      status: "needs_information",
      reason: "The photo of your ID was blurry",
    });
    expect(query<HTMLAnchorElement>(s.step, "a[target=_blank]").href).to.contain("/sandbox/kyc/verify");
    expect(s.step.shadowRoot!.querySelector(".watching")).not.to.equal(null);

    const update = [...s.step.shadowRoot!.querySelectorAll("button")].find((b) => b.textContent!.includes("Update my details"))!;
    update.click();
    await waitUntil(() => s.step.shadowRoot!.querySelector("form #kyc-firstName"), "the form should open", { timeout: 8000 });
    expect(s.step.shadowRoot!.activeElement?.id).to.equal("kyc-firstName");
    const cancel = [...s.step.shadowRoot!.querySelectorAll("button")].find((b) => b.textContent!.trim() === "Cancel")!;
    cancel.click();
    await waitUntil(() => s.step.shadowRoot!.querySelector("[data-status-heading]"));
  });

  it("sends the details again from needs_information, and shows where that leaves the application", async function () {
    this.timeout(20_000);
    const s = await showStatus("needs_information", "Address could not be verified");
    [...s.step.shadowRoot!.querySelectorAll("button")].find((b) => b.textContent!.includes("Update my details"))!.click();
    await waitUntil(() => s.step.shadowRoot!.querySelector("form #kyc-firstName"), "the form should open", { timeout: 8000 });
    await fillValidApplication(s.step, { lastName: "Lovelace" });
    control(s.step, "firstName").focus();
    await sendKeys({ press: "Enter" });
    await waitUntil(() => s.text("[data-status-heading]") === "Finish verifying your identity", "the new status should show", { timeout: 8000 });
    expect(s.recorder.events.filter((e) => e.type === "mc-kyc-status").map((e) => e.detail.status)).to.deep.equal(["needs_information", "needs_verification"]);
    expect(s.step.shadowRoot!.activeElement?.hasAttribute("data-status-heading")).to.equal(true);
  });

  it("stops asking when it is taken off the page, and catches up when it comes back", async function () {
    this.timeout(20_000);
    const s = await showStatus("manual_review");
    const parent = s.step.parentNode!;
    s.step.remove();
    await setKycStatus(services, user, "approved");
    await new Promise((r) => setTimeout(r, 3000));
    expect(s.recorder.events.filter((e) => e.type === "mc-kyc-status").map((e) => e.detail.status)).to.deep.equal(["manual_review"]);
    parent.appendChild(s.step);
    await waitUntil(() => s.text("[data-status-heading]") === "You’re verified", "polling should resume", { timeout: 8000 });
    expect(s.text("[data-continue]")).to.equal("Continue to agreements");
  });

  it("speaks Spanish", async () => {
    const s = await showStatus("approved", undefined, "es");
    expect(s.text("h2")).to.equal("Verifica tu identidad");
    expect(s.text("[data-status-heading]")).to.equal("Identidad verificada");
    expect(s.text("[data-continue]")).to.equal("Continuar a los acuerdos");
  });

  it("says so when the Worker cannot be reached, and tries again on request", async () => {
    const { step, recorder, host } = await renderStep<KycStep>("kyc", { workerUrl: "http://127.0.0.1:9", state: { user: { id: "u1", email: null } } });
    await waitUntil(() => step.shadowRoot!.querySelector("[role=alert]"), "the error should show", { timeout: 8000 });
    expect(query(step, "[role=alert]").textContent).to.contain("We couldn’t reach the server.");
    expect(recorder.events.find((e) => e.type === "mc-error")!.detail).to.include({ code: "network_error", step: "kyc" });
    await expect(host).to.be.accessible();
    query<HTMLButtonElement>(step, "[role=alert] button").click();
    await waitUntil(() => recorder.events.filter((e) => e.type === "mc-error").length === 2, "retrying should ask again", { timeout: 8000 });
  });
});
