/**
 * The whole journey, as a new user on the partner's page: sign in with the emailed code, verify their
 * identity in the hosted window, accept the agreements, pay a deposit from another wallet on the local
 * chain, create a card and look at its number, buy something, withdraw to a fresh address and check it
 * arrived on chain, see it all in activity, and come back later to where they left off.
 *
 * Run once with a v1 (controller) collateral and once with a v2 (coordinator) one, each user choosing
 * their version in the sandbox tools before their first call. The v1 run takes the light screenshots,
 * the v2 run (card in `theme="dark"`) the dark ones.
 */
import { expect, type Page, test, type TestInfo } from "@playwright/test";
import { CardWidget } from "./support/card-widget";
import { freshAddress, hasCode, sendTestDollars, testDollarBalance, transactionEnds } from "./support/chain";
import { e2e } from "./support/env";
import { control, userByEmail, userDetail } from "./support/sandbox";
import { SandboxTools } from "./support/sandbox-tools";
import { screenshotStep, type Theme } from "./support/screenshots";

// Each run is its own person (the names of the demo pages' account holders, so the screenshots read
// like a real account); the stack is fresh for every `playwright test`, so the emails are new to it.
const runs = [
  {
    version: 1,
    callPath: "controller",
    theme: "light",
    person: { firstName: "Maya", lastName: "Ortiz", email: "maya.ortiz@example.com" },
    pathText: "Collateral controller (v1): your wallet makes one call.",
  },
  {
    version: 2,
    callPath: "coordinator",
    theme: "dark",
    person: { firstName: "Lucia", lastName: "Gomez", email: "lucia.gomez@example.com" },
    pathText: "Collateral coordinator (v2): your wallet signs an approval, then makes one call.",
  },
] as const;

/** A repeated or retried run in the same stack is someone new. */
function emailFor(address: string, info: TestInfo): string {
  if (!info.retry && !info.repeatEachIndex) return address;
  const [name, domain] = address.split("@");
  return `${name}+${info.repeatEachIndex}-${info.retry}@${domain}`;
}

/** Luhn's check, done here rather than with the simulator's own helper (which is what is tested). */
function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

/**
 * The partner's page at night: the card in its dark theme (an attribute the partner sets; it takes
 * effect at run time) on the demo site's dark look (the class the second demo page uses).
 */
async function useTheme(page: Page, theme: Theme): Promise<void> {
  if (theme === "light") return;
  await page.evaluate(() => {
    document.body.classList.add("site--dark");
    document.querySelector("machines-card")!.setAttribute("theme", "dark");
  });
}

// The version switch in the sandbox tools applies to users seen from then on: put back what was there,
// so a journey never decides the collateral of users in the files that run after it.
let settingsBefore: { collateralVersion: 1 | 2 } | undefined;
test.beforeEach(async () => {
  settingsBefore = (await control<{ settings: { collateralVersion: 1 | 2 } }>("GET", "/settings")).settings;
});
test.afterEach(async () => {
  if (settingsBefore) await control("PATCH", "/settings", { collateralVersion: settingsBefore.collateralVersion });
});

for (const run of runs) {
  test(`a new user goes from nothing to a card and back out again (v${run.version} ${run.callPath})`, async ({ page }, testInfo) => {
    const email = emailFor(run.person.email, testInfo);
    const card = new CardWidget(page);
    const tools = new SandboxTools(page);
    const shot = (step: string, options?: Parameters<typeof screenshotStep>[3]) => screenshotStep(page, step, run.theme, options);

    await page.goto(e2e.siteUrl());
    await useTheme(page, run.theme);

    // The tester picks the collateral contract this new user will get, before they first reach the Worker.
    await tools.chooseCollateralVersion(run.version);
    await tools.close();

    // ── Sign in with the emailed code
    await expect(card.heading()).toHaveText("Sign in");
    await card.textbox("Email").fill(email);
    await shot("sign-in");
    await card.button("Send code").click();
    await expect(card.heading()).toHaveText("Check your email");
    await expect(card.root.getByText(`We sent a 6-digit code to ${email}.`)).toBeVisible();
    const code = await tools.signInCode(email);
    await tools.close();
    await shot("code-entry");
    await card.enterCode(code);
    await expect(card.root.getByText(`Signed in as ${email}`, { exact: true })).toBeAttached();

    // ── Identity: a name the sandbox does not approve by itself, so the hosted verification is needed
    await card.expectStep("Identity");
    await expect(card.heading()).toHaveText("Verify your identity");
    await card.fillKyc({ firstName: run.person.firstName, lastName: run.person.lastName, email });
    await shot("kyc-form");
    await card.submitKyc();
    await expect(card.subheading("Finish verifying your identity")).toBeVisible();
    await expect(card.root.getByText("Action needed")).toBeVisible();
    await shot("kyc-status");

    const machinesUser = await userByEmail(email);
    expect(machinesUser, "the KYC application reached Machines").toBeDefined();
    const userId = machinesUser!.userId;
    expect(machinesUser!.kycStatus).toBe("needs_verification");
    expect(machinesUser!.collateral?.version, "the collateral version chosen in the sandbox tools").toBe(run.version);

    // A returning user (here: reloading the page) comes back to the step they left, signed in.
    await page.reload();
    await useTheme(page, run.theme);
    await card.expectStep("Identity");
    await expect(card.subheading("Finish verifying your identity")).toBeVisible();

    await card.verifyInNewWindow("Approve verification");
    // The card notices by itself (focus regained, or its status polling).
    await expect(card.subheading("You’re verified")).toBeVisible({ timeout: 30_000 });
    await card.button("Continue to agreements").click();

    // ── Agreements
    await card.expectStep("Agreements");
    await expect(card.root.getByText("0 of 5 accepted")).toBeVisible();
    await shot("agreements");
    await card.acceptAgreements();

    // ── Deposit: an address for this user, paid from another wallet with a real transfer
    await card.expectStep("Deposit");
    await expect(card.heading()).toHaveText("Add money");
    await card.textbox("Amount you’ll send (optional)").fill("250");
    await expect(card.root.getByText(/^You’ll get about 250(\.00)? RUSD in card credit\.$/)).toBeVisible();
    await card.button("Get my deposit address").click();
    await expect(card.subheading("Waiting for your transfer")).toBeVisible();
    await expect(card.depositAddress()).toBeVisible();
    await expect(card.root.getByRole("img", { name: "QR code of the deposit address" })).toBeVisible();
    const depositAddress = (await card.depositAddress().textContent())!.trim();
    expect(depositAddress.toLowerCase(), "the deposit address is the user's collateral").toBe((await userDetail(userId)).user.collateral!.address.toLowerCase());
    await shot("deposit-address");

    // Coming back before paying shows the same address, not a new one.
    await page.reload();
    await useTheme(page, run.theme);
    await card.expectStep("Deposit");
    await expect(card.depositAddress()).toHaveText(depositAddress);

    expect((await userDetail(userId)).user.balances.creditLimit, "no credit before the transfer").toBe(0);
    await sendTestDollars(depositAddress, "250");
    await expect(card.subheading("Money added")).toBeVisible({ timeout: 30_000 });
    const summary = card.root.locator("dl");
    await expect(summary).toContainText("Credit limit");
    await expect(summary).toContainText("$250.00");
    await shot("deposit-completed");
    expect((await userDetail(userId)).deposits.map((d) => d.status)).toEqual(["completed"]);

    // ── Card: created with a label and a limit, its number shown on demand and hidden again
    await card.button("Continue to your card").click();
    await card.expectStep("Card");
    await expect(card.root.getByLabel("Your balance")).toContainText("$250.00");
    await card.createCard("Travel", "200", "Per week");
    const travel = card.cardItem("Travel");
    await expect(travel).toContainText(/VISA ending in \d{4}/);
    await expect(travel).toContainText("$200.00 a week");
    await expect(travel.getByText("Active")).toBeVisible();
    // Every step up to the card now reads as done in the progress indicator.
    for (const step of ["Sign in", "Identity", "Agreements", "Deposit", "Card"]) {
      await expect(card.progress().getByRole("button", { name: new RegExp(`^${step}\\b`) })).toContainText("done");
    }
    const last4 = (await travel.textContent())!.match(/ending in (\d{4})/)![1]!;
    await shot("card-list");

    await card.button("Show details").click();
    await expect(card.cardNumber()).toBeVisible();
    const pan = (await card.cardNumber().textContent())!.replace(/\s/g, "");
    expect(isLuhnValid(pan), `the card number passes Luhn's check`).toBe(true);
    expect(pan.endsWith(last4)).toBe(true);
    const cvc = card.cvc();
    await expect(cvc).toHaveText(/^\d{3}$/);
    // Shown by the Worker's frame: neither the page nor the element's shadow roots hold it, even now.
    const pageText = await page.evaluate(() => {
      const walk = (root: Document | ShadowRoot): string =>
        Array.from(root.querySelectorAll("*"), (el) => Array.from(el.attributes, (a) => a.value).join(" ") + (el.shadowRoot ? walk(el.shadowRoot) + el.shadowRoot.textContent : "")).join(" ");
      return document.documentElement.outerHTML + walk(document);
    });
    expect(pageText.includes(pan), "the number is in the frame only, never in the page").toBe(false);
    // The frame shows the number in full while revealed: the screenshot covers the number and the CVC.
    await shot("card-revealed", { mask: [card.cardNumber(), cvc] });
    await card.button("Hide details").click();
    await expect(card.cardNumber()).toHaveCount(0);
    await expect(card.button("Show details")).toBeVisible();
    const shownText = await card.root.evaluate((el) => el.shadowRoot!.innerHTML + el.outerHTML + document.body.innerHTML);
    expect(shownText.includes(pan), "the number is gone from the page once hidden").toBe(false);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(stored.includes(pan), "the number was never stored").toBe(false);

    // ── A purchase at a merchant (recorded by the sandbox, as the card network would)
    await tools.recordPurchase("24.90", "Corner Bookshop");
    await tools.close();

    // ── Withdraw to a fresh address, signed in the sandbox wallet, confirmed on chain
    await card.button("Continue").click();
    await card.expectStep("Withdraw");
    const recipient = freshAddress();
    await card.combobox("Receive in").selectOption({ label: "rUSD (RUSD)" });
    await card.fillWithdrawal("40", recipient);
    await expect(card.root.getByText(/You receive about 40(\.00)? RUSD/)).toBeVisible();
    await shot("withdraw-form");
    await card.button("Review withdrawal").click();
    await expect(card.subheading("Check and confirm")).toBeVisible({ timeout: 30_000 });
    const preview = card.root.locator("dl");
    await expect(preview).toContainText("$40.00");
    await expect(preview).toContainText(recipient);
    await expect(preview).toContainText(run.pathText);
    // The user's wallet is a smart account: named in the preview, and not deployed before its first call.
    await expect(preview).toContainText("From your wallet (smart account)");
    const wallet = (await preview.textContent())!.match(/From your wallet \(smart account\)\s*(0x[0-9a-fA-F]{40})/)![1]!;
    expect(await hasCode(wallet), "the wallet has no code before its first user operation").toBe(false);
    await shot("withdraw-preview");
    await card.button("Confirm in wallet").click();
    // The approval comes after the preview, and names the amount and destination again.
    await expect(card.subheading("Approve this withdrawal")).toBeVisible({ timeout: 30_000 });
    await expect(card.root.getByText("You are sending $40.00 to:")).toBeVisible();
    await expect(card.root.getByText(recipient)).toBeVisible();
    await card.approveWithEmailCode(email);
    await expect(card.notice("Withdrawal confirmed")).toBeVisible({ timeout: 60_000 });
    const confirmedHash = card.root.getByText(/^0x[0-9a-f]{64}$/);
    await expect(confirmedHash).toBeVisible();
    await shot("withdrawal-confirmed");
    expect(await hasCode(wallet), "the withdrawal's user operation deployed the wallet").toBe(true);
    const bundle = await transactionEnds((await confirmedHash.textContent())!);
    expect(bundle, "the withdrawal went on chain as the bundler's handleOps call to the EntryPoint").toMatchObject({
      to: "0x0000000071727de22e5e9d8baf0edac6f37da032",
      selector: "0x765e827f",
    });
    expect(bundle.from.toLowerCase()).not.toBe(wallet.toLowerCase());

    expect(await testDollarBalance(recipient), "40 test dollars (6 decimals) reached the recipient on chain").toBe(40_000_000n);
    // Machines learns of the payout from its own chain watcher, a moment after the page does.
    await expect
      .poll(async () => (await userDetail(userId)).withdrawals, { message: "Machines holds exactly one withdrawal, executed" })
      .toEqual([expect.objectContaining({ amountCents: 4000, signed: true, superseded: false, executedTxHash: expect.stringMatching(/^0x[0-9a-f]{64}$/) })]);

    // ── Activity: the purchase, the withdrawal and the deposit, newest first
    await card.goToStep("Activity");
    const rows = card.root.getByRole("list", { name: "Transactions" }).getByRole("listitem");
    await expect(rows.filter({ hasText: "Corner Bookshop" })).toContainText("-$24.90");
    await expect(rows.filter({ hasText: "Withdrawal from your wallet" })).toContainText("-$40.00");
    await expect(rows.filter({ hasText: "Deposit" })).toContainText("+$250.00");
    await shot("activity");

    // ── Returning: a reload resumes where the Worker says this user is (their card), still signed in
    await page.reload();
    await useTheme(page, run.theme);
    await card.expectStep("Card");
    await expect(card.subheading("Travel")).toBeVisible();
    await expect(card.root.getByLabel("Your balance")).toContainText("$185.10");
  });
}
