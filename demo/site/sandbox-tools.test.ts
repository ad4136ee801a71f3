/**
 * The tester's sandbox tools, docked on the partner page, driven with the mouse and keyboard against
 * the whole product: the code shown is the one "emailed" and signs the card in; the user appears; KYC,
 * deposit completion, the faucet, purchases, the collateral version and faults all reach the sandbox.
 * What each control did is checked through the sandbox's own JSON controls, not through the panel.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage, type RecordedPage } from "./testing/browser";
import { type DemoStack, startDemoStack } from "../../test/demo-stack";

let demo: DemoStack;
let browser: Browser;
let recorded: RecordedPage;
let page: Page;
let tools: Locator;
const email = `tester-${Date.now()}@kestrel.example`;
let userId = "";

/** The sandbox's JSON controls (the test's independent view of what the panel changed). */
async function controls<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${demo.stack.sandboxUrl}${path}`, init);
  const body = (await response.json()) as { data?: T } & T;
  return (body.data ?? body) as T;
}

interface SandboxUser {
  userId: string;
  kycStatus: string;
  balances: { creditLimit: number; postedCharges: number };
}
const user = async () => (await controls<{ user: SandboxUser; deposits: { id: string; status: string }[] }>(`/sandbox/users/${userId}`));

/** The Worker's API as the signed-in user (what the card itself would call). */
async function asUser<T>(path: string, body: unknown): Promise<T> {
  const { jwt } = await demo.stack.sandbox.identityIssuer.signIn(email);
  const response = await fetch(`${demo.stack.workerUrl}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${jwt}`, "Content-Type": "application/json", "Idempotency-Key": `tools-test-${path.replaceAll("/", "-")}-${Date.now()}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { ok: boolean; data: T; summary: string };
  if (!json.ok) throw new Error(`${path}: ${json.summary}`);
  return json.data;
}

const section = (title: string) => tools.locator("section", { has: page.getByRole("heading", { name: title, exact: true }) });

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  mkdirSync("test-results/demo-site", { recursive: true });
  [demo, browser] = await Promise.all([startDemoStack(), launchChromium()]);
  recorded = await openPage(browser, `${demo.site.url}/`, { width: 1400, height: 1000 });
  page = recorded.page;
  tools = page.locator("sandbox-tools");
}, 240_000);

afterAll(async () => {
  await recorded?.close();
  await browser?.close();
  await demo?.stop();
});

describe("sandbox tools on the partner page", () => {
  it("opens from the keyboard and says what it is", async () => {
    const toggle = tools.locator("summary");
    await expect(toggle.textContent()).resolves.toContain("Sandbox tools");
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await tools.locator("details").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await expect(tools.getByRole("heading", { name: "Sign-in codes" }).isVisible()).resolves.toBe(true);
  });

  it("shows the code the card's sign-in sent, which signs the card in", async () => {
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Send code" }).click();
    const shown = section("Sign-in codes").locator("li", { hasText: email }).locator(".sbx-code__value");
    await shown.waitFor();
    const code = (await shown.textContent()) ?? "";
    const issued = await controls<{ codes: { email: string; code: string }[] }>(`/identity/otp/codes?email=${encodeURIComponent(email)}`);
    expect(code).toBe(issued.codes[0]?.code);
    expect(await tools.locator(".sbx-toggle__code").textContent()).toBe(`code ${code}`);

    await page.getByLabel("One-time code").fill(code);
    await page.getByRole("button", { name: "Verify and continue" }).click();
    await until(recorded.events, (events) => events.some((e) => e.type === "mc-signed-in"), "mc-signed-in");
  });

  it("finds the user the Worker linked and shows their facts", async () => {
    const { users } = await until(() => controls<{ users: SandboxUser[] }>("/sandbox/users"), (r) => r.users.length === 1, "the user");
    userId = users[0]!.userId;
    const facts = section("User and KYC").locator("dl");
    await facts.getByText(userId).waitFor();
    expect(await facts.textContent()).toContain("not submitted");
  });

  it("approves KYC", async () => {
    const kyc = section("User and KYC");
    await kyc.getByLabel("Reason shown to the user (optional)").fill("Documents checked by the tester");
    await kyc.getByRole("button", { name: "Approve" }).click();
    await kyc.getByRole("status").getByText("is now approved").waitFor();
    expect((await user()).user.kycStatus).toBe("approved");
  });

  it("completes the deposit the user created, crediting the amount typed", async () => {
    await asUser("/v1/agreements", { accepted: true });
    const { deposit } = await asUser<{ deposit: { id: string } }>("/v1/deposits", { currency: "rusd", network: "base", amount: 50 });
    const panel = section("Complete a deposit");
    await until(() => panel.getByLabel("Deposit").inputValue(), (value) => value === deposit.id, "the deposit in the list");
    await panel.getByLabel("Amount in US dollars (optional)").fill("75");
    await panel.getByRole("button", { name: "Complete deposit" }).click();
    await panel.getByRole("status").getByText("Deposit completed").waitFor();
    const after = await user();
    expect(after.deposits.find((d) => d.id === deposit.id)?.status).toBe("completed");
    expect(after.user.balances.creditLimit).toBe(7500);
  });

  it("funds the collateral with test dollars on the chain", async () => {
    const panel = section("Fund the collateral");
    await panel.getByLabel("Amount in US dollars").fill("1000");
    await panel.getByRole("button", { name: "Fund collateral" }).click();
    await panel.getByRole("status").getByText("Minted $1,000.00").waitFor();
    await until(user, (u) => u.user.balances.creditLimit === 7500 + 100_000, "the mint credited by the chain watcher");
  });

  it("records a purchase on the card the page announced", async () => {
    const { card } = await asUser<{ card: { id: string; last4: string } }>("/v1/cards", { label: "Groceries" });
    // What the card step fires when it creates a card (the tools take the id from it).
    await page.evaluate((detail) => document.dispatchEvent(new CustomEvent("mc-card-created", { detail, bubbles: true, composed: true })), {
      cardId: card.id,
      last4: card.last4,
      label: "Groceries",
    });
    const panel = section("Record a card purchase");
    await until(() => panel.getByLabel("Card id").inputValue(), (value) => value === card.id, "the card id filled in");
    await panel.getByLabel("Amount in US dollars").fill("24.90");
    await panel.getByLabel("Merchant").fill("Corner Bookshop");
    await panel.getByLabel(/Post at once/).check();
    await panel.getByRole("button", { name: "Record purchase" }).click();
    await panel.getByRole("status").getByText("recorded and posted").waitFor();
    expect((await user()).user.balances.postedCharges).toBe(2490);
  });

  it("says why a purchase fails, in words", async () => {
    const panel = section("Record a card purchase");
    await panel.getByLabel("Amount in US dollars").fill("250000");
    await panel.getByRole("button", { name: "Record purchase" }).click();
    await panel.getByRole("status").getByText("spending power").waitFor();
    expect(await panel.getByRole("status").getAttribute("data-kind")).toBe("error");
  });

  it("switches the collateral version new users get", async () => {
    const panel = section("Collateral for new users");
    await panel.getByLabel(/v1 · controller/).check();
    await panel.getByRole("status").getByText("v1 collateral").waitFor();
    expect((await controls<{ settings: { collateralVersion: number } }>("/sandbox/settings")).settings.collateralVersion).toBe(1);
    await panel.getByLabel(/v2 · coordinator/).check();
    await panel.getByRole("status").getByText("v2 collateral").waitFor();
    expect((await controls<{ settings: { collateralVersion: number } }>("/sandbox/settings")).settings.collateralVersion).toBe(2);
  });

  it("holds the bundler's operations and sends them in one bundle", async () => {
    const panel = section("Bundler");
    await panel.getByRole("button", { name: "Hold operations" }).click();
    await panel.getByRole("status").getByText("Held").waitFor();
    expect((await controls<{ mode: string }>("/sandbox/bundler")).mode).toBe("manual");
    await panel.getByRole("button", { name: "Send held operations in one bundle" }).click();
    await panel.getByRole("status").getByText("bundling as they come again").waitFor();
    expect((await controls<{ mode: string }>("/sandbox/bundler")).mode).toBe("auto");
  });

  it("injects, lists, removes and clears faults", async () => {
    type Fault = { id: string; kind: string; method: string; path: string; remaining: number | null };
    const faults = async () => (await controls<{ faults: Fault[] }>("/sandbox/faults")).faults;
    const panel = section("Faults");
    await panel.getByLabel("Preset").selectOption({ label: "Next deposit request fails" });
    await panel.getByRole("button", { name: "Inject fault" }).click();
    await panel.getByRole("status").getByText("Injected").waitFor();
    expect(await faults()).toMatchObject([{ kind: "error", method: "POST", path: "/deposits*", remaining: 1 }]);
    await panel.getByRole("button", { name: /^Remove fault/ }).click();
    await until(faults, (list) => list.length === 0, "the fault removed");

    await panel.getByLabel("Preset").selectOption({ label: "Slow Machines (3 s per call)" });
    await panel.getByRole("button", { name: "Inject fault" }).click();
    await panel.getByLabel("Preset").selectOption({ label: "Rate limited (next 3 calls)" });
    await panel.getByRole("button", { name: "Inject fault" }).click();
    await until(() => panel.locator(".sbx-faults li").count(), (count) => count === 2, "two faults listed");
    expect((await faults()).map((f) => f.kind).sort()).toEqual(["latency", "rate_limit"]);
    await panel.getByRole("button", { name: "Clear all faults" }).click();
    await panel.getByRole("status").getByText("All faults cleared").waitFor();
    expect(await faults()).toEqual([]);

    // Scoped to the user picked in the panel: everyone else's calls go through.
    await panel.getByLabel("Preset").selectOption({ label: "Next call fails once (503)" });
    await panel.getByLabel("Only the selected user").check();
    await panel.getByRole("button", { name: "Inject fault" }).click();
    await panel.getByRole("status").getByText("Injected").waitFor();
    expect(await faults()).toMatchObject([{ kind: "error", userId, remaining: 1 }]);
    await panel.getByRole("button", { name: "Clear all faults" }).click();
    await until(faults, (list) => list.length === 0, "the scoped fault cleared");
    await panel.getByLabel("Only the selected user").uncheck();
  });

  it("shows the same state on the full page (/sandbox/), following the newest user", async () => {
    const full = await openPage(browser, `${demo.site.url}/sandbox/`, { colorScheme: "dark", height: 1000 });
    try {
      await full.page.locator("sandbox-tools dl").getByText(userId).waitFor();
      expect(await full.page.locator("sandbox-tools dl").textContent()).toContain("approved · agreements accepted");
      expect(await full.page.locator("sandbox-tools .sbx-code--spent").count()).toBe(1);
      expect(full.problems).toEqual([]);
      await full.page.screenshot({ path: "test-results/demo-site/sandbox-page-in-use.png", fullPage: true });
    } finally {
      await full.close();
    }
  });

  it("did all that with no console error or CSP violation", () => {
    // The refused purchase is an expected 422 from the sandbox (the browser logs failed fetches as errors).
    expect(recorded.problems.filter((p) => !p.includes("422"))).toEqual([]);
  });
});
