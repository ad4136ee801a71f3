/**
 * The sandbox tools docked on the demo pages, used the way a tester uses them: open the panel, read the
 * emailed code, pick the collateral version, decide KYC, record a purchase. Everything here is a click
 * or a read of visible text in the panel.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class SandboxTools {
  readonly root: Locator;
  readonly toggle: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator("sandbox-tools");
    this.toggle = this.root.locator("summary", { hasText: "Sandbox tools" });
  }

  private section(title: string): Locator {
    return this.root.getByRole("region", { name: title });
  }

  async open(): Promise<void> {
    if (!(await this.root.locator("details").evaluate((d: HTMLDetailsElement) => d.open))) await this.toggle.click();
    await expect(this.section("Sign-in codes")).toBeVisible();
  }

  /** Closes the panel, so it covers nothing on the page (its open state is remembered per origin). */
  async close(): Promise<void> {
    if (await this.root.locator("details").evaluate((d: HTMLDetailsElement) => d.open)) await this.toggle.click();
    await expect(this.section("Sign-in codes")).toBeHidden();
  }

  /** The code "emailed" to this address, as the panel lists it while it is waiting to be used. */
  async signInCode(email: string): Promise<string> {
    await this.open();
    const row = this.section("Sign-in codes").getByRole("listitem").filter({ hasText: email.toLowerCase() }).filter({ hasText: "waiting to be used" });
    const value = row.locator(".sbx-code__value");
    await expect(value).toHaveText(/^\d{6}$/, { timeout: 15_000 });
    return (await value.textContent())!.trim();
  }

  /** "Collateral for new users": the contract version the next user to sign in gets. */
  async chooseCollateralVersion(version: 1 | 2): Promise<void> {
    await this.open();
    const section = this.section("Collateral for new users");
    const choice = section.getByRole("radio", { name: new RegExp(`^v${version} · `) });
    // The panel shows the sandbox's current setting once it has read it; change it only if needed.
    await expect(section.getByRole("radio", { checked: true })).toHaveCount(1);
    if (!(await choice.isChecked())) {
      await choice.check();
      await expect(section.getByText(`Users seen from now on get a v${version} collateral`)).toBeVisible();
    }
    await expect(choice).toBeChecked();
  }

  /** The KYC decision buttons act on the user signed in on this page (else the newest). */
  async decideKyc(decision: "Approve" | "Needs information" | "Manual review" | "Deny", email: string, reason?: string): Promise<void> {
    await this.open();
    const section = this.section("User and KYC");
    await expect(section.getByText(email.toLowerCase(), { exact: true })).toBeVisible();
    if (reason !== undefined) await section.getByLabel("Reason shown to the user (optional)").fill(reason);
    await section.getByRole("group", { name: "KYC decision" }).getByRole("button", { name: decision, exact: true }).click();
    await expect(section.getByText(`KYC for ${email.toLowerCase()} is now`)).toBeVisible();
  }

  /** Records a purchase on the card the page just created (the panel fills the card id from its event). */
  async recordPurchase(amount: string, merchant: string, options: { posted?: boolean } = {}): Promise<void> {
    await this.open();
    const section = this.section("Record a card purchase");
    await expect(section.getByLabel("Card id")).not.toHaveValue("");
    await section.getByLabel("Amount in US dollars").fill(amount);
    await section.getByLabel("Merchant").fill(merchant);
    if (options.posted) await section.getByLabel(/Post at once/).check();
    await section.getByRole("button", { name: "Record purchase" }).click();
    await expect(section.getByText(`at ${merchant} recorded`)).toBeVisible();
  }

  /**
   * "Fund the collateral": mints test dollars on the local chain into the signed-in user's collateral
   * (standing in for money sent from another wallet). Resolves once the mint is on chain.
   */
  async fundCollateral(dollars: string, email: string): Promise<void> {
    await this.open();
    await expect(this.section("User and KYC").getByText(email.toLowerCase(), { exact: true })).toBeVisible();
    const section = this.section("Fund the collateral");
    await section.getByLabel("Amount in US dollars").fill(dollars);
    await section.getByRole("button", { name: "Fund collateral" }).click();
    await expect(section.getByText(/^Minted \$[\d,.]+ into /)).toBeVisible();
  }

  /** The facts the panel shows about the user it acts on ("Collateral", "KYC", "Machines id"…). */
  fact(term: string): Locator {
    return this.section("User and KYC").locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
  }
}
