import { expect, test } from "@playwright/test";

const site = () => process.env.E2E_SITE_URL!;
const identity = () => process.env.E2E_IDENTITY_URL!;

async function latestCode(email: string): Promise<string> {
  const res = await fetch(`${identity()}/otp/codes?email=${encodeURIComponent(email)}`);
  const { codes } = (await res.json()) as { codes: { email: string; code: string }[] };
  const code = codes.find((c) => c.email === email)?.code;
  if (!code) throw new Error(`no code for ${email}`);
  return code;
}

test("a new user signs in on the partner page with the emailed code", async ({ page }) => {
  const email = `e2e-${Date.now()}@example.com`;
  await page.goto(site());
  const card = page.locator("machines-card");
  await card.getByLabel("Email").fill(email);
  await card.getByRole("button", { name: "Send code" }).click();
  await card.getByLabel("One-time code").fill(await latestCode(email));
  await card.getByRole("button", { name: "Verify and continue" }).click();
  await expect(card.getByRole("heading", { level: 2 })).not.toHaveText(/sign in/i);
});
