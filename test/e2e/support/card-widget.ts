/**
 * `<machines-card>` on the demo page, driven the way a person uses it: labels, roles and visible text,
 * typing and clicking. Playwright's locators pierce the element's shadow root.
 */
import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";
import type { SandboxTools } from "./sandbox-tools";
import { approvalCode } from "./sandbox";

export type StepLabel = "Sign in" | "Identity" | "Agreements" | "Deposit" | "Card" | "Withdraw" | "Activity";

export interface KycDetails {
  firstName: string;
  lastName: string;
  email: string;
}

/** A 16-digit card number as the card shows it, in groups of four. */
export const CARD_NUMBER = /^\d{4} \d{4} \d{4} \d{4}$/;

export class CardWidget {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator("machines-card");
  }

  /** The step's heading: the element moves focus there after every step change. */
  heading(): Locator {
    return this.root.getByRole("heading", { level: 2 });
  }

  /** A heading inside the step (a status, a view of the step). */
  subheading(name: string | RegExp): Locator {
    return this.root.getByRole("heading", { level: 3, name });
  }

  /** The progress indicator ("Steps"); its current entry carries `aria-current="step"`. */
  progress(): Locator {
    return this.root.getByRole("navigation", { name: "Steps" });
  }

  currentStep(): Locator {
    return this.progress().locator('button[aria-current="step"]');
  }

  async expectStep(step: StepLabel): Promise<void> {
    await expect(this.currentStep()).toContainText(step);
  }

  /** Moves to a step through the progress indicator, as a person clicking it would. */
  async goToStep(step: StepLabel): Promise<void> {
    await this.progress().getByRole("button", { name: new RegExp(`^${step}\\b`) }).click();
    await this.expectStep(step);
  }

  button(name: string | RegExp): Locator {
    return this.root.getByRole("button", { name, exact: typeof name === "string" });
  }

  textbox(name: string | RegExp): Locator {
    return this.root.getByRole("textbox", { name, exact: typeof name === "string" });
  }

  combobox(name: string | RegExp): Locator {
    return this.root.getByRole("combobox", { name, exact: typeof name === "string" });
  }

  /**
   * A visible error or status notice with this text (the documented `notice` part; the element's
   * visually hidden live region repeats some of them for screen readers).
   */
  notice(text: string | RegExp): Locator {
    return this.root.locator('[part~="notice"]').filter({ hasText: text });
  }

  /** The error shown under a field (in the same `field` part as the control), by the control's name. */
  fieldError(fieldName: string): Locator {
    return this.root
      .locator('[part~="field"]')
      .filter({ has: this.page.getByRole("textbox", { name: fieldName, exact: true }) })
      .locator('[part~="field-error"]');
  }

  // ── sign-in ──

  async requestCode(email: string): Promise<void> {
    await expect(this.heading()).toHaveText("Sign in");
    await this.textbox("Email").fill(email);
    await this.button("Send code").click();
    await expect(this.heading()).toHaveText("Check your email");
  }

  async enterCode(code: string): Promise<void> {
    await this.textbox("One-time code").fill(code);
    await this.button("Verify and continue").click();
    await expect(this.heading()).not.toHaveText(/^(Sign in|Check your email)$/);
  }

  /** Signs in with the code the sandbox "emails" (read off the sandbox tools panel, as a tester would). */
  async signIn(email: string, tools: SandboxTools): Promise<void> {
    await this.requestCode(email);
    await this.enterCode(await tools.signInCode(email));
  }

  // ── KYC ──

  /** Fills every required KYC field the way a person would (selects by their visible option). */
  async fillKyc(details: KycDetails): Promise<void> {
    const form = this.root.locator("form");
    const text = (name: string) => form.getByRole("textbox", { name, exact: true });
    const choice = (name: string) => form.getByRole("combobox", { name, exact: true });
    await expect(text("First name")).toBeVisible();
    await text("First name").fill(details.firstName);
    await text("Last name").fill(details.lastName);
    await text("Date of birth").fill("1990-04-12");
    await text("Government ID number").fill("123-45-6789");
    await choice("Country that issued the ID").selectOption({ label: "United States" });
    await text("Email").fill(details.email);
    await text("Street address").fill("123 Main Street");
    await text("City").fill("Austin");
    await text("State, province or region").fill("TX");
    await text("Postal code").fill("78701");
    await choice("Country").selectOption({ label: "United States" });
    await choice("Occupation").selectOption({ label: "Computer Programmers" });
    await choice("Annual income").selectOption({ label: "$50k–$99k" });
    await choice("Main use of the card").selectOption({ label: "Everyday spending" });
    await choice("Expected monthly spending").selectOption({ label: "$1k–$5k" });
  }

  async submitKyc(): Promise<void> {
    await this.button("Submit for verification").click();
  }

  /**
   * Completes the hosted verification in the window the card opens, approving (or denying) it on the
   * sandbox's verification page as the applicant would, then closes that window.
   */
  async verifyInNewWindow(decision: "Approve verification" | "Deny verification"): Promise<void> {
    const opened = this.page.waitForEvent("popup");
    await this.root.getByRole("link", { name: /Open the verification page/ }).or(this.button(/Open the verification page/)).click();
    const verification = await opened;
    await verification.getByRole("button", { name: decision }).click();
    await expect(verification.getByRole("heading", { level: 1 })).toBeVisible();
    await verification.close();
  }

  // ── agreements ──

  async acceptAgreements(): Promise<void> {
    await expect(this.heading()).toHaveText("Card agreements");
    const boxes = this.root.getByRole("checkbox");
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) await box.check();
    await expect(this.root.getByText(/^(\d+) of \1 accepted$/)).toBeVisible();
    await this.button("Accept and continue").click();
  }

  /** A fast way through identity and agreements for journeys about later steps (auto-approved name). */
  async passKycAndAgreements(email: string): Promise<void> {
    await this.fillKyc({ firstName: "Grace", lastName: "Approved", email });
    await this.submitKyc();
    await expect(this.subheading("You’re verified")).toBeVisible();
    await this.button("Continue to agreements").click();
    await this.acceptAgreements();
    await expect(this.heading()).toHaveText("Add money");
  }

  // ── deposit ──

  /** The deposit address as shown on screen (what a person would copy into their wallet). */
  depositAddress(): Locator {
    return this.root.getByText(/^0x[0-9a-fA-F]{40}$/);
  }

  // ── card ──

  /** The Worker's reveal frame: the card details are shown there, never in the page. */
  revealFrame(): FrameLocator {
    return this.root.frameLocator("iframe.reveal-frame");
  }

  /** The revealed card number, when shown (as the eye reads it; screen readers get it digit by digit). */
  cardNumber(): Locator {
    return this.revealFrame().locator('[data-value="number"] [aria-hidden="true"]').filter({ hasText: CARD_NUMBER });
  }

  /** The revealed CVC, when shown. */
  cvc(): Locator {
    return this.revealFrame().locator('[data-value="cvc"] [aria-hidden="true"]');
  }

  /** One card in "Your cards", by its label. */
  cardItem(label: string): Locator {
    return this.root
      .getByRole("list", { name: "Your cards" })
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("heading", { level: 3, name: label, exact: true }) });
  }

  async createCard(label: string, limitDollars: string, frequency: string): Promise<void> {
    await this.textbox("Card name").fill(label);
    await this.textbox("Spending limit in US dollars").fill(limitDollars);
    await this.combobox("Limit applies").selectOption({ label: frequency });
    await this.button("Create card").click();
  }

  // ── withdraw ──

  async fillWithdrawal(amountDollars: string, address: string): Promise<void> {
    await expect(this.heading()).toHaveText("Withdraw");
    await expect(this.combobox("Receive in")).toHaveValue(/.+/);
    await this.textbox("Amount in US dollars").fill(amountDollars);
    await this.textbox("Destination address").fill(address);
  }

  /**
   * Confirms the preview, then approves as the default (email) signer mode asks: the prompt names the
   * amount and destination again, the code is emailed, read from the (sandbox) inbox and entered.
   */
  async confirmWithdrawal(email: string): Promise<void> {
    await this.button("Confirm in wallet").click();
    await this.approveWithEmailCode(email);
  }

  async approveWithEmailCode(email: string): Promise<void> {
    await expect(this.subheading("Approve this withdrawal")).toBeVisible({ timeout: 30_000 });
    await this.button("Email me a code").click();
    await expect(this.textbox("6-digit code")).toBeVisible();
    await this.textbox("6-digit code").fill(await approvalCode(email));
    await this.button("Approve and send").click();
  }
}
