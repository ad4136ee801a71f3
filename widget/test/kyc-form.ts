// The KYC step's browser tests: find its controls and fill them the way a person does.
import { waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import type { StepElement } from "../src/steps/step-element";

export function query<E extends Element = HTMLElement>(step: StepElement, selector: string): E {
  const found = step.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in the step`);
  return found;
}

export function control<E extends HTMLElement = HTMLInputElement>(step: StepElement, key: string): E {
  return query<E>(step, `#kyc-${key.replace(/\./g, "-")}`);
}

export function errorOf(step: StepElement, key: string): string | null {
  return step.shadowRoot!.querySelector(`#kyc-${key.replace(/\./g, "-")}-error`)?.textContent?.trim() ?? null;
}

export async function waitForForm(step: StepElement): Promise<void> {
  await waitUntil(() => step.shadowRoot!.querySelector("form #kyc-firstName"), "the KYC form should render", { timeout: 8000 });
}

/** Focuses a control and types, as a person would (the value is added to what is there). */
export async function typeInto(step: StepElement, key: string, text: string): Promise<void> {
  control(step, key).focus();
  await sendKeys({ type: text });
}

/** Clears a text control by selecting everything and deleting it. */
export async function clear(step: StepElement, key: string): Promise<void> {
  const input = control(step, key);
  input.focus();
  input.select();
  await sendKeys({ press: "Backspace" });
}

/** Picks an option of a select by typing its label (the browser's type-ahead), as a keyboard user does. */
export async function choose(step: StepElement, key: string, label: string): Promise<void> {
  const select = control<HTMLSelectElement>(step, key);
  select.focus();
  await sendKeys({ type: label });
  const picked = select.selectedOptions[0]?.textContent?.trim();
  if (picked !== label) throw new Error(`typing "${label}" in ${key} picked "${picked}"`);
}

export interface Applicant {
  lastName: string;
}

/** Fills every required field (and the phone) with a valid application, by keyboard. */
export async function fillValidApplication(step: StepElement, applicant: Applicant): Promise<void> {
  await typeInto(step, "firstName", "Ada");
  await typeInto(step, "lastName", applicant.lastName);
  await typeInto(step, "birthDate", "01151990");
  await typeInto(step, "nationalId", "123-45-6789");
  await choose(step, "countryOfIssue", "United States");
  await typeInto(step, "address.line1", "123 Main St");
  await typeInto(step, "address.city", "New York");
  await typeInto(step, "address.region", "NY");
  await typeInto(step, "address.postalCode", "10001");
  await choose(step, "address.countryCode", "United States");
  await typeInto(step, "phoneCountryCode", "+1");
  await typeInto(step, "phoneNumber", "(415) 555-1234");
  await choose(step, "occupation", "Software Developers, Applications");
  await choose(step, "annualSalary", "Under $40k");
  await choose(step, "accountPurpose", "Everyday spending");
  await choose(step, "expectedMonthlyVolume", "Under $1k");
}
