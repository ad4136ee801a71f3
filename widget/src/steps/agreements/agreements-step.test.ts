import { expect, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import type { KycState } from "@machines-card/contract/api/kyc";
import { clearFaults, sandboxControl, sandboxUser, type SandboxUser } from "#test/sandbox";
import { stack, type StackUrls } from "#test/services";
import { renderStep } from "#test/step-fixture";
import type { AgreementsStep } from "./agreements-step";

const APPROVED: KycState = { status: "approved", reason: null, verificationUrl: null, isActive: null, isTermsOfServiceAccepted: false };
const IDS = ["esignConsent", "accountOpeningPrivacyNotice", "cardTermsAndIssuerPrivacyPolicy", "informationCertification", "solicitationAcknowledgement"];

let services: StackUrls;

/** A signed-in user whose identity is verified and who has not accepted the agreements yet. */
const verifiedUser = (label: string) => sandboxUser(services, { stage: "kyc-approved", label });

async function setup(user: SandboxUser, locale?: string) {
  const rendered = await renderStep<AgreementsStep>("agreements", {
    workerUrl: services.workerUrl,
    token: user.token,
    state: { user: { id: "u1", email: user.email }, kyc: APPROVED },
    ...(locale ? { locale } : {}),
  });
  const root = rendered.step.shadowRoot!;
  await waitUntil(() => root.querySelector("form, [data-continue], [role=alert], .notice"), "the agreements should load", { timeout: 8000 });
  const $ = <E extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<E>(selector);
  const button = (text: string) => [...root.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent!.includes(text))!;
  return { ...rendered, root, $, button };
}

async function tickByKeyboard(root: ShadowRoot, ids: string[]) {
  for (const id of ids) {
    root.querySelector<HTMLInputElement>(`#agreement-${id}`)!.focus();
    await sendKeys({ press: "Space" });
  }
}

describe("agreements step", () => {
  let user: SandboxUser;
  before(async function () {
    this.timeout(180_000);
    const running = await stack();
    if (!running) this.skip();
    services = running!;
    user = await verifiedUser("agreements");
  });

  it("shows each agreement and its documents, which open in a new window and say so, accessibly", async () => {
    const s = await setup(user);
    await expect(s.host).to.be.accessible();
    const boxes = [...s.root.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
    expect(boxes.map((b) => b.name)).to.deep.equal(IDS);
    expect(boxes.every((b) => !b.checked)).to.equal(true);
    expect(s.$("label[for=agreement-esignConsent]")!.textContent).to.equal("I accept the E-Sign Consent");
    const links = [...s.root.querySelectorAll<HTMLAnchorElement>("a")];
    expect(links.map((a) => a.href)).to.deep.equal([
      "https://machines.cash/e-sign",
      "https://machines.cash/account-opening-privacy",
      "https://machines.cash/machines-card-terms",
      "https://www.third-national.com/privacypolicy",
    ]);
    expect(links.every((a) => a.target === "_blank" && a.rel.includes("noopener"))).to.equal(true);
    expect(links[0]!.textContent!.replace(/\s+/g, " ").trim()).to.equal("E-Sign Consent (opens in a new window) ↗");
    expect(s.$("#consent-progress")!.textContent).to.equal("0 of 5 accepted");
  });

  it("does not go on until the user has ticked every agreement themselves", async () => {
    const s = await setup(user);
    s.button("Accept and continue").click();
    await waitUntil(() => s.$("#consent-error"));
    expect(s.$("#consent-error")!.textContent).to.equal("Tick every agreement to continue.");
    expect(s.root.activeElement?.id).to.equal("agreement-esignConsent");
    expect(s.recorder.announcements).to.deep.equal(["Tick every agreement to continue."]);

    await tickByKeyboard(s.root, IDS.slice(0, 4));
    expect(s.$("#consent-progress")!.textContent).to.equal("4 of 5 accepted");
    s.button("Accept and continue").click();
    await s.step.updateComplete;
    await waitUntil(() => s.root.activeElement?.id === "agreement-solicitationAcknowledgement", "focus should go to the one left");
    expect(s.$("#agreement-solicitationAcknowledgement")!.getAttribute("aria-invalid")).to.equal("true");
    expect(s.$("#agreement-esignConsent")!.getAttribute("aria-invalid")).to.equal("false");
    expect(s.recorder.events).to.deep.equal([]);
    expect(s.recorder.updates).to.deep.equal([]);
  });

  it("records explicit consent: the event with the ids and date, the report, then the accepted state", async () => {
    const s = await setup(user);
    await tickByKeyboard(s.root, IDS);
    await sendKeys({ press: "Enter" });
    await waitUntil(() => s.recorder.updates.length > 0, "accepting should be reported", { timeout: 8000 });
    expect(s.recorder.updates).to.deep.equal([{ patch: { agreementsAccepted: true }, go: "next" }]);
    const accepted = s.recorder.events.filter((e) => e.type === "mc-agreements-accepted").map((e) => e.detail);
    expect(accepted.length).to.equal(1);
    expect(Object.keys(accepted[0]).sort()).to.deep.equal(["acceptedAt", "agreementIds"]);
    expect(accepted[0].agreementIds).to.deep.equal(IDS);
    expect(Date.parse(accepted[0].acceptedAt)).to.be.closeTo(Date.now(), 60_000);
    expect(s.recorder.announcements).to.include("Agreements accepted.");
    await waitUntil(() => s.$("[data-continue]"));
    expect(s.root.textContent).to.contain("You accepted these agreements on");
    await expect(s.host).to.be.accessible();
  });

  it("shows a returning user the date they accepted, and the way on", async () => {
    const s = await setup(user); // accepted by the test above
    expect(s.root.querySelector("form")).to.equal(null);
    expect(s.$(".notice")!.textContent).to.match(/You accepted these agreements on .*\d/);
    expect(s.root.querySelectorAll(".accepted-list li").length).to.equal(5);
    s.$("[data-continue]")!.click();
    expect(s.recorder.updates).to.deep.equal([{ patch: { agreementsAccepted: true }, go: "next" }]);
  });

  it("points a user whose identity is not verified back to that step", async function () {
    this.timeout(15_000);
    const fresh = await sandboxUser(services, { stage: "signed-in", label: "agreements-early" });
    const s = await setup(fresh);
    expect(s.$(".notice.warning")!.textContent).to.contain("The agreements open once your identity is verified.");
    s.button("Go to identity verification").click();
    expect(s.recorder.updates).to.deep.equal([{ patch: {}, go: "kyc" }]);
    expect(s.recorder.events.filter((e) => e.type === "mc-error")).to.deep.equal([]);
    await expect(s.host).to.be.accessible();
  });

  it("says when saving fails and saves on the next try", async function () {
    this.timeout(15_000);
    const other = await verifiedUser("agreements-fault");
    const s = await setup(other);
    await tickByKeyboard(s.root, IDS);
    // The Worker retries this idempotent call once: fail it twice.
    const { faults } = await sandboxControl<{ faults: { id: string }[] }>(services, "POST", "/faults", { method: "POST", path: "/agreements", kind: "error", status: 503, times: 2, userId: other.machinesUserId });
    try {
      s.button("Accept and continue").click();
      await waitUntil(() => s.$("[role=alert]"), "the failure should show", { timeout: 8000 });
    } finally {
      await clearFaults(services, faults);
    }
    expect(s.$("[role=alert]")!.textContent).to.contain("Our card provider isn’t answering right now.");
    expect(s.recorder.events.map((e) => e.type)).to.deep.equal(["mc-error"]);
    s.button("Try again").click();
    await waitUntil(() => s.recorder.updates.length > 0, "the retry should save", { timeout: 8000 });
    expect(s.recorder.events.map((e) => e.type)).to.deep.equal(["mc-error", "mc-agreements-accepted"]);
  });

  it("speaks Spanish", async function () {
    this.timeout(15_000);
    const other = await verifiedUser("agreements-es");
    const s = await setup(other, "es");
    expect(s.$("h2")!.textContent).to.equal("Acuerdos de la tarjeta");
    expect(s.$("#consent-progress")!.textContent).to.equal("0 de 5 aceptados");
    expect(s.root.querySelector("a")!.textContent).to.contain("(se abre en una ventana nueva)");
    await expect(s.host).to.be.accessible();
  });
});
