/**
 * What goes wrong, through the page as a person meets it: a denied application, amounts out of range,
 * Machines failing in the middle of a step, and a session that ends mid-journey. Each checks what the
 * person is told, that they can carry on (or, when they cannot, that nothing pretends they can), and
 * in the sandbox that nothing was created or duplicated behind their back.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { CardWidget } from "./support/card-widget";
import { freshAddress } from "./support/chain";
import { e2e, newEmail } from "./support/env";
import { faultHits, injectFault, removeFault, userByEmail, userDetail } from "./support/sandbox";
import { SandboxTools } from "./support/sandbox-tools";

async function openSite(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(e2e.siteUrl());
  return page;
}

test("a denied application is explained in plain words, with no way forward", async ({ page }) => {
  const email = newEmail("denied");
  const card = new CardWidget(page);
  const tools = new SandboxTools(page);
  await page.goto(e2e.siteUrl());
  await card.signIn(email, tools);
  await card.fillKyc({ firstName: "Mallory", lastName: "Brown", email });
  await card.submitKyc();
  await expect(card.subheading("Finish verifying your identity")).toBeVisible();

  // The identity provider declines (decided in the sandbox tools, with the reason it gives).
  await tools.decideKyc("Deny", email, "The document could not be verified");
  await tools.close();
  // The step polls by itself (with backoff); a person who does not wait presses "Check now", unless the
  // page got there first and the button is already gone.
  const declined = card.subheading("We couldn’t approve your application");
  await expect(async () => {
    if (!(await declined.isVisible())) await card.button("Check now").click({ timeout: 1_000 });
    await expect(declined).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(card.root.getByText("Based on the details provided, we can’t offer you a card. Contact support if you think this is a mistake.")).toBeVisible();
  await expect(card.root.getByText("Reason: The document could not be verified")).toBeVisible();
  await expect(card.root.getByText("Declined", { exact: true })).toBeVisible();
  for (const way of ["Continue to agreements", "Open the verification page", "Update my details", "Submit for verification"]) {
    await expect(card.root.getByRole("button", { name: way }).or(card.root.getByRole("link", { name: way }))).toHaveCount(0);
  }
  for (const step of ["Agreements", "Deposit", "Card", "Withdraw", "Activity"]) {
    await expect(card.progress().getByRole("button", { name: new RegExp(`^${step}\\b`) })).toBeDisabled();
  }

  // Coming back changes nothing: the decision is final.
  await page.reload();
  await card.expectStep("Identity");
  await expect(card.subheading("We couldn’t approve your application")).toBeVisible();
  expect((await userByEmail(email))?.kycStatus).toBe("denied");
});

test.describe("a verified user meeting limits and failures", () => {
  // One verified user for these four: what each test is about starts after identity and agreements,
  // and each goes to its own step through the progress bar.
  test.describe.configure({ mode: "serial" });
  let page: Page;
  let card: CardWidget;
  let tools: SandboxTools;
  let email: string;
  let userId: string;

  test.beforeAll(async ({ browser }) => {
    page = await openSite(browser);
    card = new CardWidget(page);
    tools = new SandboxTools(page);
    email = newEmail("limits");
    await card.signIn(email, tools);
    await tools.close();
    await card.passKycAndAgreements(email);
    userId = (await userByEmail(email))!.userId;
  });

  // The shared page is not the test's own fixture: attach what it showed when a test failed.
  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status === testInfo.expectedStatus) return;
    await testInfo.attach("page", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
    await testInfo.attach("card", { body: await card.root.ariaSnapshot(), contentType: "text/plain" });
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  test("a deposit below the minimum is explained, and no address is created", async () => {
    await card.goToStep("Deposit");
    const amount = card.textbox("Amount you’ll send (optional)");
    await amount.fill("0.5");
    await expect(card.fieldError("Amount you’ll send (optional)")).toHaveText("The minimum deposit is 1 RUSD.");
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription(/The minimum deposit is 1 RUSD\./);
    await card.button("Get my deposit address").click();
    await expect(amount).toBeFocused();
    await expect(card.fieldError("Amount you’ll send (optional)")).toHaveText("The minimum deposit is 1 RUSD.");
    await expect(card.depositAddress()).toHaveCount(0);
    expect((await userDetail(userId)).deposits, "no deposit reached Machines").toEqual([]);
  });

  test("a withdrawal above the range is explained at the field, and nothing reaches Machines", async () => {
    await card.goToStep("Withdraw");
    await expect(card.root.getByText("Between $1.00 and $10,000.00.")).toBeVisible();
    await card.fillWithdrawal("25000", freshAddress());
    const amount = card.textbox("Amount in US dollars");
    await card.button("Review withdrawal").click();
    await expect(card.fieldError("Amount in US dollars")).toHaveText("The maximum is $10,000.00.");
    await expect(amount).toBeFocused();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription(/The maximum is \$10,000\.00\./);
    await expect(card.subheading("Check and confirm")).toHaveCount(0);
    expect((await userDetail(userId)).withdrawals, "no withdrawal reached Machines").toEqual([]);
  });

  test("card creation failing at Machines is reported, and trying again makes one card, not two", async () => {
    await card.goToStep("Card");
    // Machines creates the card but its replies fail (as if the connection dropped after the write).
    const fault = await injectFault({ kind: "error", status: 503, method: "POST", path: "/cards", phase: "after", userId });
    try {
      await card.createCard("Groceries", "300", "Per month");
      await expect(card.notice("Our card provider isn’t answering right now. Try again in a moment.")).toBeVisible();
      await expect(card.textbox("Card name"), "what the user typed is kept").toHaveValue("Groceries");
      expect(await faultHits(fault.id)).toBeGreaterThanOrEqual(1);
    } finally {
      await removeFault(fault.id);
    }
    // Machines answers again; the person tries again with the same details.
    await card.button("Create card").click();
    await expect(card.cardItem("Groceries")).toContainText("$300.00 a month");
    await expect(card.root.getByRole("list", { name: "Your cards" }).getByRole("listitem")).toHaveCount(1);
    const cards = (await userDetail(userId)).cards ?? [];
    expect(cards, "Machines holds exactly one card").toHaveLength(1);
  });

  test("a withdrawal request failing at Machines is reported, and retrying sends one withdrawal", async () => {
    // Money to withdraw, from the sandbox faucet (a real mint into the collateral).
    await tools.fundCollateral("100", email);
    // The tester waits for the sandbox to credit it (its chain watcher sees the mint).
    await expect(tools.fact("Spending power")).toHaveText("$100.00", { timeout: 30_000 });
    await tools.close();
    await card.goToStep("Withdraw");
    await expect(card.root.getByText("$100.00")).toBeVisible();

    const fault = await injectFault({ kind: "error", status: 503, method: "POST", path: "/withdrawals", phase: "after", userId });
    const recipient = freshAddress();
    try {
      await card.fillWithdrawal("10", recipient);
      await card.button("Review withdrawal").click();
      await expect(card.notice("Our card provider isn’t answering right now. Try again in a moment.")).toBeVisible();
      expect(await faultHits(fault.id)).toBeGreaterThanOrEqual(1);
    } finally {
      await removeFault(fault.id);
    }
    await card.button("Try again").click();
    await expect(card.subheading("Check and confirm")).toBeVisible({ timeout: 30_000 });
    await card.confirmWithdrawal(email);
    await expect(card.notice("Withdrawal confirmed")).toBeVisible({ timeout: 60_000 });

    // Machines learns of the payout from its own chain watcher, a moment after the page does.
    await expect
      .poll(async () => (await userDetail(userId)).withdrawals, { message: "Machines holds exactly one withdrawal, executed" })
      .toEqual([expect.objectContaining({ amountCents: 1000, executedTxHash: expect.stringMatching(/^0x[0-9a-f]{64}$/) })]);
  });
});

test("a session that ends mid-journey asks to sign in again, then resumes where the user was", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The page's clock can be moved on, as if the tab were left open; the servers keep real time.
  await context.clock.install();
  const page = await context.newPage();
  const card = new CardWidget(page);
  const tools = new SandboxTools(page);
  const email = newEmail("session");
  try {
    await page.goto(e2e.siteUrl());
    await card.signIn(email, tools);
    await tools.close();
    await card.passKycAndAgreements(email);
    await card.expectStep("Deposit");

    // In another tab of the same browser, the user signs out.
    const other = await context.newPage();
    const otherCard = new CardWidget(other);
    await other.goto(e2e.siteUrl());
    await otherCard.expectStep("Deposit");
    await otherCard.root.getByRole("button", { name: "Sign out" }).click();
    await expect(otherCard.heading()).toHaveText("Sign in");
    await other.close();

    // Back in the first tab twenty minutes later (the sign-in token lasts fifteen), they carry on.
    await page.bringToFront();
    await context.clock.fastForward("20:00");
    await card.textbox("Amount you’ll send (optional)").fill("50");
    await card.button("Get my deposit address").click();

    await expect(card.heading()).toHaveText("Sign in");
    await expect(card.notice("Your session ended. Sign in again to continue.")).toBeVisible();
    expect((await userDetail((await userByEmail(email))!.userId)).deposits, "nothing was created without a session").toEqual([]);

    await card.signIn(email, tools);
    await tools.close();
    await card.expectStep("Deposit");
    await card.button("Get my deposit address").click();
    await expect(card.depositAddress()).toBeVisible();
  } finally {
    await context.close();
  }
});
