import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/free-port";
import { Journey } from "../load/api-journey";
import { createSandboxClient } from "../support/sandbox/sandbox-client";
import { startStack, type RunningStack } from "../stack";

/**
 * The built widget on a plain page served with a strict Content-Security-Policy (no inline script or
 * style, no eval, nothing but this origin, the Worker and the sandbox), signed in through its own form
 * and taken through every step it shows a returning, funded user, including revealing the card number
 * (in the Worker's reveal frame: the page adds the Worker to frame-src). Not one CSP violation, in the
 * page or the frame, not one console error. (The element's first render under a CSP is tested beside
 * it in widget/; the demo pages' load in demo/site.)
 */
const TYPES: Record<string, string> = { ".js": "text/javascript", ".html": "text/html", ".json": "application/json" };

let dist: string;
let stack: RunningStack;
let server: http.Server;
let pageUrl: string;
let browser: Browser;
let journey: Journey;

function policy(workerUrl: string, sandboxUrl: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${workerUrl} ${sandboxUrl}`,
    // The Worker's reveal frame shows the card details.
    `frame-src ${workerUrl}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join("; ");
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "machines-card-csp-dist-"));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // No withdrawal is sent here: the sandbox runs without a bundler (one fewer process to start).
  [stack] = await Promise.all([startStack({ allowedOrigins: [origin], sandbox: { bundler: false } }), build({ logLevel: "silent", build: { outDir: dist, emptyOutDir: true } })]);
  const csp = policy(stack.workerUrl, stack.sandboxUrl);
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict CSP</title>
<script type="module" src="/machines-card.js"></script></head>
<body><main><machines-card api-base="${stack.workerUrl}"></machines-card></main></body></html>`;
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", origin).pathname;
    const headers = { "Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff" };
    if (path === "/") return void res.writeHead(200, { ...headers, "Content-Type": "text/html" }).end(page);
    if (path === "/favicon.ico") return void res.writeHead(204, headers).end();
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist)) return void res.writeHead(404).end();
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  pageUrl = `${origin}/`;

  // A returning user with money in and a card, so every step has something to show.
  journey = new Journey({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl, sandbox: createSandboxClient({ sandboxUrl: stack.sandboxUrl }) });
  await journey.signIn();
  await journey.passKyc();
  await journey.acceptAgreements();
  await journey.deposit();
  await journey.createCard();

  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await stack?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** Every CSP violation and console error on the page, in order (the listener runs through DevTools, outside the CSP). */
async function recordProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI} ${e.sample}`)),
  );
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return problems;
}

describe("the widget under a strict CSP", () => {
  it("signs in, shows every step and reveals the card number without a single violation or console error", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await recordProblems(page);
    await page.goto(pageUrl);
    const card = page.locator("machines-card");
    const heading = card.getByRole("heading", { level: 2 });

    await expectText(heading, "Sign in");
    await card.getByRole("textbox", { name: "Email", exact: true }).fill(journey.email);
    await card.getByRole("button", { name: "Send code", exact: true }).click();
    await expectText(heading, "Check your email");
    const codes = (await (await fetch(`${stack.identityUrl}/otp/codes?email=${encodeURIComponent(journey.email)}`)).json()) as { codes: { code: string }[] };
    await card.getByRole("textbox", { name: "One-time code", exact: true }).fill(codes.codes[0]!.code);
    await card.getByRole("button", { name: "Verify and continue", exact: true }).click();
    await expect.poll(async () => (await heading.first().textContent())?.trim(), { timeout: 30_000 }).not.toMatch(/^(Sign in|Check your email)$/);

    // Every step the progress indicator lets the user reach.
    const steps = card.getByRole("navigation", { name: "Steps" }).getByRole("button");
    const visited: string[] = [];
    for (let i = 0; i < (await steps.count()); i++) {
      const step = steps.nth(i);
      if (await step.isDisabled()) continue;
      await step.click();
      await expect.poll(() => steps.nth(i).getAttribute("aria-current"), { timeout: 30_000 }).toBe("step");
      await heading.first().waitFor();
      await page.waitForLoadState("networkidle");
      visited.push((await steps.nth(i).innerText()).split("\n")[0]!.trim());
      if (visited.at(-1)!.startsWith("Card")) {
        await card.getByRole("button", { name: "Show details" }).first().click();
        // In the Worker's frame (under its own CSP), not in the page.
        await page.frameLocator("machines-card iframe.reveal-frame").getByText(/^\d{4} \d{4} \d{4} \d{4}$/).waitFor({ timeout: 20_000 });
      }
    }
    expect(visited.length).toBeGreaterThanOrEqual(5);
    expect(visited.some((name) => name.startsWith("Card"))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});

async function expectText(locator: ReturnType<Page["locator"]>, text: string) {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
}
