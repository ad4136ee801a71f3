/**
 * The `passkey` signer mode end to end in Chromium, with the browser's own WebAuthn through a virtual
 * authenticator (DevTools protocol `WebAuthn.*`: CTAP2, internal transport, resident keys, user
 * verification that succeeds), as a platform authenticator with Touch ID or Windows Hello would answer.
 *
 * The page is opened as `http://localhost:<port>`: browsers refuse an IP address as a passkey's
 * relying party id. The Worker treats `email`, `device` and `passkey` alike (the wallet's admin signer is
 * the user's email in all three); the widget's mode is `wallet.signer` in the Worker's `/v1/config`,
 * which this test sets to `passkey` on the Worker's own answer, so one running stack serves every mode.
 */
import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { CardWidget } from "./support/card-widget";
import { freshAddress, testDollarBalance } from "./support/chain";
import { e2e, newEmail } from "./support/env";
import { userByEmail, userDetail } from "./support/sandbox";
import { SandboxTools } from "./support/sandbox-tools";

async function passkeyPage(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  await page.route(`${e2e.workerUrl()}/v1/config**`, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { data?: { wallet?: { signer?: string } } };
    if (body.data?.wallet) body.data.wallet.signer = "passkey";
    await route.fulfill({ response, json: body });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  const site = new URL(e2e.siteUrl());
  site.hostname = "localhost";
  await page.goto(site.href);
  return { cdp, authenticatorId };
}

async function credentials(cdp: CDPSession, authenticatorId: string) {
  return (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
}

/** Emailed approval codes for this address so far (the sandbox mailbox keeps the latest per email). */
async function latestApprovalCode(email: string): Promise<string | undefined> {
  const res = await fetch(`${e2e.sandboxUrl()}/sandbox/wallet/approvals/codes?email=${encodeURIComponent(email.toLowerCase())}`);
  return ((await res.json()) as { codes: { code: string; createdAt: string }[] }).codes[0]?.createdAt;
}

test("passkey mode: the first withdrawal's emailed code registers a passkey; the next approves with the browser's passkey alone", async ({ page }) => {
  const { cdp, authenticatorId } = await passkeyPage(page);
  const email = newEmail("passkey");
  const card = new CardWidget(page);
  const tools = new SandboxTools(page);
  await card.signIn(email, tools);
  await tools.close();
  await card.passKycAndAgreements(email);
  const userId = (await userByEmail(email))!.userId;
  await tools.fundCollateral("100", email);
  await expect(tools.fact("Spending power")).toHaveText("$100.00", { timeout: 30_000 });
  await tools.close();

  // ── First withdrawal: no passkey yet, so the emailed code approves it, then the browser makes one.
  await card.goToStep("Withdraw");
  const first = freshAddress();
  await card.fillWithdrawal("10", first);
  await card.button("Review withdrawal").click();
  await expect(card.subheading("Check and confirm")).toBeVisible({ timeout: 30_000 });
  await card.confirmWithdrawal(email);
  await expect(card.notice("Withdrawal confirmed")).toBeVisible({ timeout: 60_000 });
  const made = await credentials(cdp, authenticatorId);
  expect(made, "one passkey, made on this page's host").toHaveLength(1);
  expect(made[0]!.rpId).toBe("localhost");
  expect(made[0]!.isResidentCredential).toBe(true);
  const countAfterFirst = made[0]!.signCount;
  const codeBefore = await latestApprovalCode(email);

  // ── Second withdrawal: the passkey approves each operation, with no code prompt.
  await card.button("Make another withdrawal").click();
  const second = freshAddress();
  await card.fillWithdrawal("5", second);
  await card.button("Review withdrawal").click();
  await expect(card.subheading("Check and confirm")).toBeVisible({ timeout: 30_000 });
  await card.button("Confirm in wallet").click();
  await expect(card.notice("Withdrawal confirmed")).toBeVisible({ timeout: 60_000 });
  await expect(card.subheading("Approve this withdrawal")).toHaveCount(0);
  expect(await latestApprovalCode(email), "no code was emailed for the second withdrawal").toBe(codeBefore);
  const used = await credentials(cdp, authenticatorId);
  expect(used[0]!.signCount, "the passkey signed (one assertion per operation)").toBeGreaterThan(countAfterFirst);

  expect(await testDollarBalance(first)).toBe(10_000_000n);
  expect(await testDollarBalance(second)).toBe(5_000_000n);
  await expect
    .poll(async () => (await userDetail(userId)).withdrawals.map((w) => w.amountCents).sort((a, b) => a - b), { message: "Machines holds both withdrawals" })
    .toEqual([500, 1000]);

  // ── This browser loses the passkey (another device, cleared authenticator): the code takes over again,
  // and giving up sends nothing; the withdrawal stays ready to be confirmed again.
  await cdp.send("WebAuthn.clearCredentials", { authenticatorId });
  await card.button("Make another withdrawal").click();
  await card.fillWithdrawal("3", freshAddress());
  await card.button("Review withdrawal").click();
  await expect(card.subheading("Check and confirm")).toBeVisible({ timeout: 30_000 });
  await card.button("Confirm in wallet").click();
  await expect(card.subheading("Approve this withdrawal")).toBeVisible({ timeout: 30_000 });
  await card.button("Cancel — don’t send").click();
  await expect(card.root.getByText("You declined in your wallet; nothing was sent.")).toBeVisible();
  await expect(card.button("Try again")).toBeVisible();
  const pending = (await userDetail(userId)).withdrawals.find((w) => w.amountCents === 300);
  expect(pending, "the withdrawal exists at Machines, not executed").toBeDefined();
  expect(pending!.executedTxHash).toBeNull();
});
