import { expect, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import type { KycState } from "@machines-card/contract/api/kyc";
import { OCCUPATIONS } from "@machines-card/contract/machines/kyc";
import { sandboxUser, type SandboxUser } from "#test/sandbox";
import { stack, type StackUrls } from "#test/services";
import { renderStep } from "#test/step-fixture";
import type { KycStep } from "./kyc-step";
import { choose, clear, control, errorOf, fillValidApplication, query, typeInto, waitForForm } from "#test/kyc-form";

const NOT_SUBMITTED: KycState = { status: "not_submitted", reason: null, verificationUrl: null, isActive: null, isTermsOfServiceAccepted: false };

// One signed-in user for the whole file: nothing here submits, so the user stays "not_submitted".
let services: StackUrls;
let user: SandboxUser;

async function setup(options: { locale?: string } = {}) {
  const rendered = await renderStep<KycStep>("kyc", {
    workerUrl: services.workerUrl,
    token: user.token,
    state: { user: { id: "u1", email: user.email }, kyc: NOT_SUBMITTED },
    ...options,
  });
  await waitForForm(rendered.step);
  return rendered;
}

describe("KYC step: the form", () => {
  before(async function () {
    this.timeout(180_000);
    const running = await stack();
    if (!running) this.skip();
    services = running!;
    user = await sandboxUser(services, { stage: "signed-in", label: "kyc-form" });
  });

  it("is accessible and built from the Worker's field list, with native controls browsers can autofill", async () => {
    const { host, step } = await setup();
    await expect(host).to.be.accessible();
    const tokens = Object.fromEntries(
      [...step.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")].map((c) => [c.name, c.getAttribute("autocomplete")]),
    );
    expect(tokens).to.deep.equal({
      firstName: "given-name",
      lastName: "family-name",
      birthDate: "bday",
      nationalId: "off",
      countryOfIssue: "off",
      email: "email",
      "address.line1": "address-line1",
      "address.line2": "address-line2",
      "address.city": "address-level2",
      "address.region": "address-level1",
      "address.postalCode": "postal-code",
      "address.countryCode": "country",
      phoneCountryCode: "tel-country-code",
      phoneNumber: "tel-national",
      occupation: "off",
      annualSalary: "off",
      accountPurpose: "off",
      expectedMonthlyVolume: "off",
    });
    expect(control(step, "birthDate").type).to.equal("date");
    expect(control(step, "email").type).to.equal("email");
    expect(control(step, "email").value).to.equal(user.email);
    expect(control(step, "phoneNumber").type).to.equal("tel");
    expect(control(step, "firstName").maxLength).to.equal(50);
    expect(control(step, "address.line1").maxLength).to.equal(200);
    expect(control(step, "address.postalCode").maxLength).to.equal(20);
    expect(control(step, "firstName").required).to.equal(true);
    expect(control(step, "address.line2").required).to.equal(false);
    const occupations = control<HTMLSelectElement>(step, "occupation").options;
    expect(occupations.length).to.equal(OCCUPATIONS.length + 1);
    expect([...control<HTMLSelectElement>(step, "annualSalary").options].map((o) => o.value)).to.deep.equal(["", "<40k", "50k–99k", "100k–149k", "150k+"]);
    expect(query(step, "label[for=kyc-address-line1]").textContent).to.contain("Street address");
    expect(query(step, "fieldset legend").textContent).to.equal("Home address");
    expect(control(step, "nationalId").getAttribute("aria-describedby")).to.equal("kyc-nationalId-hint");
  });

  it("says nothing on the first keystroke, checks a field once it is left, then re-checks as the user types", async () => {
    const { step } = await setup();
    await typeInto(step, "nationalId", "12 34");
    await step.updateComplete;
    expect(errorOf(step, "nationalId")).to.equal(null);
    await sendKeys({ press: "Tab" });
    await step.updateComplete;
    expect(errorOf(step, "nationalId")).to.equal("Use only letters, numbers and dashes.");
    expect(control(step, "nationalId").getAttribute("aria-invalid")).to.equal("true");
    expect(control(step, "nationalId").getAttribute("aria-describedby")).to.equal("kyc-nationalId-hint kyc-nationalId-error");

    await clear(step, "nationalId");
    await step.updateComplete;
    expect(errorOf(step, "nationalId")).to.equal("This is required.");
    await sendKeys({ type: "A-1234" });
    await step.updateComplete;
    expect(errorOf(step, "nationalId")).to.equal(null);
    expect(control(step, "nationalId").getAttribute("aria-invalid")).to.equal("false");

    await clear(step, "email");
    await sendKeys({ type: "ada@" });
    await sendKeys({ press: "Tab" });
    await step.updateComplete;
    expect(errorOf(step, "email")).to.equal("Enter a valid email address, like name@example.com.");
    await typeInto(step, "email", "example.com");
    await step.updateComplete;
    expect(errorOf(step, "email")).to.equal(null);
  });

  it("accepts phone numbers as autofill writes them, and explains what it cannot accept", async () => {
    const { step } = await setup();
    await typeInto(step, "phoneCountryCode", "+1");
    await typeInto(step, "phoneNumber", "(415) 555-1234");
    await sendKeys({ press: "Tab" });
    await step.updateComplete;
    expect(errorOf(step, "phoneCountryCode")).to.equal(null);
    expect(errorOf(step, "phoneNumber")).to.equal(null);
    await typeInto(step, "phoneNumber", " ext 5");
    await sendKeys({ press: "Tab" });
    await step.updateComplete;
    expect(errorOf(step, "phoneNumber")).to.equal("Use digits only (at most 15), including the area code.");
  });

  it("refuses a birth date in the future with the server's rule", async () => {
    const { step } = await setup();
    await typeInto(step, "birthDate", "01012999");
    // Tab walks through the date's parts (month, day, year) before it leaves the control.
    for (let i = 0; i < 3 && step.shadowRoot!.activeElement === control(step, "birthDate"); i++) await sendKeys({ press: "Tab" });
    await step.updateComplete;
    expect(control(step, "birthDate").value).to.equal("2999-01-01");
    expect(errorOf(step, "birthDate")).to.equal("The date of birth must be in the past.");
  });

  it("on Enter with missing answers: shows every problem, announces how many, focuses the first, sends nothing", async () => {
    const { step, recorder } = await setup();
    await typeInto(step, "firstName", "Ada");
    await sendKeys({ press: "Enter" });
    await waitUntil(() => recorder.announcements.length > 0);
    expect(recorder.announcements.at(-1)).to.equal("13 fields need your attention.");
    expect(step.shadowRoot!.activeElement?.id).to.equal("kyc-lastName");
    expect(errorOf(step, "firstName")).to.equal(null);
    expect(errorOf(step, "lastName")).to.equal("This is required.");
    expect(errorOf(step, "address.line1")).to.equal("This is required.");
    expect(errorOf(step, "address.line2")).to.equal(null);
    expect(errorOf(step, "occupation")).to.equal("Choose one of the options.");
    expect(errorOf(step, "phoneNumber")).to.equal(null);
    expect(recorder.updates).to.deep.equal([]);
    expect(recorder.events.filter((e) => e.type === "mc-error")).to.deep.equal([]);
  });

  it("can be filled entirely by keyboard, with no error left", async () => {
    const { step, host } = await setup();
    await fillValidApplication(step, { lastName: "Lovelace" });
    await sendKeys({ press: "Tab" });
    await step.updateComplete;
    expect(step.shadowRoot!.querySelectorAll(".field-error").length).to.equal(0);
    await expect(host).to.be.accessible();
  });

  it("speaks Spanish, with countries named in Spanish", async () => {
    const { step, host } = await setup({ locale: "es-MX" });
    expect(query(step, "h2").textContent).to.equal("Verifica tu identidad");
    expect(query(step, "label[for=kyc-birthDate]").textContent).to.contain("Fecha de nacimiento");
    await choose(step, "address.countryCode", "Estados Unidos");
    expect(control<HTMLSelectElement>(step, "address.countryCode").value).to.equal("US");
    control(step, "firstName").focus();
    await sendKeys({ press: "Enter" });
    await step.updateComplete;
    expect(errorOf(step, "firstName")).to.equal("Este dato es obligatorio.");
    await expect(host).to.be.accessible();
  });
});
