import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type FrameLocator, type Page } from "playwright";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/free-port";
import { Journey } from "../load/api-journey";
import { createSandboxClient } from "../support/sandbox/sandbox-client";
import { startStack, type RunningStack } from "../stack";

/**
 * The reveal frame in Chromium: the built widget on a partner page with a strict CSP and a hostile
 * "analytics tag" (hostile-analytics.js) that hooks fetch, XHR, postMessage and every listener and walks
 * every shadow root. The user sees the number and CVC in the Worker's frame; the tag finds neither, and
 * the ticket it steals is refused. Tickets replayed, expired, or framed by another page are refused in
 * the frame's own words; a page outside ALLOWED_ORIGINS cannot frame it at all. No CSP violation in the
 * page or the frame; axe finds nothing in the frame.
 */
const TICKET_SECONDS = 15;
const TYPES: Record<string, string> = { ".js": "text/javascript", ".html": "text/html", ".json": "application/json" };
const HOSTILE = readFileSync(join(import.meta.dirname, "hostile-analytics.js"), "utf8");
const AXE = readFileSync(join(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");

let dist: string;
let stack: RunningStack;
let browser: Browser;
const servers: http.Server[] = [];
/** The partner's page (in ALLOWED_ORIGINS), another allowed partner page, and a page the Worker does not know. */
const origins = { partner: "", other: "", stranger: "" };
let user: Journey;
let apiUser: Journey;

function policy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${stack.workerUrl} ${stack.sandboxUrl}`,
    `frame-src ${stack.workerUrl}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join("; ");
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** A page server: `/` the widget with the hostile tag, `/embed?src=` a bare iframe, and the built widget. */
async function servePages(port: number): Promise<string> {
  const origin = `http://127.0.0.1:${port}`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    const headers = { "Content-Security-Policy": policy(), "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };
    const html = (body: string) => res.writeHead(200, { ...headers, "Content-Type": "text/html" }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>${body}`);
    if (url.pathname === "/") {
      return void html(`<script src="/analytics.js"></script><script type="module" src="/machines-card.js"></script></head>
<body><main><machines-card api-base="${stack.workerUrl}" steps="sign-in card"></machines-card></main></body></html>`);
    }
    if (url.pathname === "/analytics.js") return void res.writeHead(200, { ...headers, "Content-Type": "text/javascript" }).end(HOSTILE);
    if (url.pathname === "/embed") {
      return void html(`</head><body><iframe src="${escape(url.searchParams.get("src") ?? "")}" title="Card details" referrerpolicy="origin"
        sandbox="allow-scripts allow-same-origin"></iframe></body></html>`);
    }
    if (url.pathname === "/favicon.ico") return void res.writeHead(204, headers).end();
    const file = normalize(join(dist, url.pathname));
    if (!file.startsWith(dist)) return void res.writeHead(404).end();
    try {
      res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return origin;
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "machines-card-reveal-dist-"));
  const [partner, other, stranger] = await Promise.all([freePort(), freePort(), freePort()]);
  const allowed = [`http://127.0.0.1:${partner}`, `http://127.0.0.1:${other}`];
  [stack] = await Promise.all([
    startStack({ allowedOrigins: allowed, workerVars: { REVEAL_TICKET_SECONDS: String(TICKET_SECONDS) } }),
    build({ logLevel: "silent", build: { outDir: dist, emptyOutDir: true } }),
  ]);
  origins.partner = await servePages(partner);
  origins.other = await servePages(other);
  origins.stranger = await servePages(stranger);

  // Signed in, verified, agreed, with a card: the widget's user, and one whose tickets the tests ask for directly.
  const journey = () => new Journey({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl, sandbox: createSandboxClient({ sandboxUrl: stack.sandboxUrl }) });
  [user, apiUser] = [journey(), journey()];
  for (const j of [user, apiUser]) {
    await j.signIn();
    await j.passKyc();
    await j.acceptAgreements();
    await j.createCard();
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await stack?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** CSP violations in the page and in every frame (the listener is injected through DevTools, outside the CSP). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding("__violation", ({ frame }, text: string) => void violations.push(`${frame.url()}: ${text}`));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __violation(t: string): void }).__violation(`${e.effectiveDirective} ${e.blockedURI}`),
    ),
  );
  return violations;
}

/** A ticket for `apiUser`'s card, asked for as the page at `origin` would. */
async function ticketFrom(origin: string, locale: "en" | "es" = "en"): Promise<string> {
  const reply = await apiUser.worker.ok("createRevealTicket", {
    token: apiUser.token,
    params: { cardId: apiUser.cardId },
    body: { theme: { scheme: "light", colors: {} }, locale },
    headers: { Origin: origin },
  });
  return reply.frameUrl;
}

async function embed(page: Page, origin: string, frameUrl: string): Promise<FrameLocator> {
  await page.goto(`${origin}/embed?src=${encodeURIComponent(frameUrl)}`);
  return page.frameLocator("iframe");
}

const digitsOf = (text: string | null) => (text ?? "").replace(/\s/g, "");

describe("the reveal frame", () => {
  it("shows the user the number and CVC while a hostile tag in the page finds neither, nor can use the ticket it steals", async () => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${origins.partner}/`);
    const card = page.locator("machines-card");
    await card.getByRole("textbox", { name: "Email", exact: true }).fill(user.email);
    await card.getByRole("button", { name: "Send code", exact: true }).click();
    const heading = card.getByRole("heading", { level: 2 }).first();
    await expect.poll(() => heading.textContent(), { timeout: 30_000 }).toBe("Check your email");
    const codes = (await (await fetch(`${stack.identityUrl}/otp/codes?email=${encodeURIComponent(user.email)}`)).json()) as { codes: { code: string }[] };
    await card.getByRole("textbox", { name: "One-time code", exact: true }).fill(codes.codes[0]!.code);
    await card.getByRole("button", { name: "Verify and continue", exact: true }).click();
    await expect.poll(() => heading.textContent(), { timeout: 60_000 }).toBe("Card");
    await card.getByRole("button", { name: "Show details" }).first().click({ timeout: 60_000 });

    // What the user sees, in the Worker's frame.
    const frame = page.frameLocator("machines-card iframe.reveal-frame");
    const number = frame.locator('[data-value="number"] [aria-hidden="true"]');
    await expect.poll(() => number.textContent(), { timeout: 30_000 }).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const grouped = (await number.textContent())!;
    const pan = digitsOf(grouped);
    const cvc = digitsOf(await frame.locator('[data-value="cvc"] [aria-hidden="true"]').textContent());
    expect(cvc).toMatch(/^\d{3}$/);
    // Read out digit by digit, in groups.
    expect(await frame.locator('[data-value="number"] .visually-hidden').textContent()).toBe(grouped.split(" ").map((g) => [...g].join(" ")).join(", "));
    await expect.poll(async () => (await card.locator("iframe.reveal-frame").boundingBox())?.height ?? 0).toBeGreaterThan(100);

    // The copy button copies, inside the frame.
    await frame.getByRole("button", { name: "Copy number" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pan);

    // Everything the tag could get its hands on, after a few rounds of looking.
    await page.waitForTimeout(1_000);
    const harvest = (await page.evaluate(() => (window as unknown as { __harvest(): string[] }).__harvest())) as string[];
    expect(harvest.length).toBeGreaterThan(50);
    expect(harvest.some((h) => h.startsWith("event mc-card-revealed"))).toBe(true);
    expect(harvest.some((h) => h.startsWith("iframe: out of reach"))).toBe(true);
    expect(harvest.filter((h) => h.includes(pan) || h.includes(grouped)), "the number, anywhere the tag looked").toEqual([]);
    expect(harvest.filter((h) => /"(pan|cvc)"|Card number|CVC\b.*\d{3}/.test(h)), "card details by name").toEqual([]);
    expect(harvest.filter((h) => h.replace(/^[^:]+: /, "").trim() === cvc), "the CVC on its own").toEqual([]);
    // The frame's messages say how tall it is and what it shows, nothing else.
    const fromFrame = harvest.filter((h) => h.startsWith(`message from ${stack.workerUrl}`)).map((h) => JSON.parse(h.slice(h.indexOf(": ") + 2)));
    expect(fromFrame.length).toBeGreaterThan(0);
    for (const message of fromFrame) expect(Object.keys(message).sort()).toEqual(message.type === "mc-reveal:size" ? ["height", "type"] : ["type"]);
    // It saw the ticket go by and tried it: refused (the frame's own origin only), and the frame still showed the card.
    const stolen = harvest.filter((h) => h.startsWith("stolen ticket"));
    expect(stolen.length).toBeGreaterThan(0);
    for (const attempt of stolen) expect(attempt).not.toContain(pan);

    const axeResult = await axeOn(page.frames().find((f) => f.url().startsWith(`${stack.workerUrl}/reveal`))!);
    expect(axeResult).toEqual([]);

    await card.getByRole("button", { name: "Hide details" }).click();
    await expect.poll(() => card.locator("iframe.reveal-frame").count()).toBe(0);
    expect(violations).toEqual([]);
    await context.close();
  }, 180_000);

  it("refuses a replayed ticket in plain words", async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    const frameUrl = await ticketFrom(origins.partner);
    const first = await embed(page, origins.partner, frameUrl);
    await expect.poll(() => first.locator('[data-value="number"]').count(), { timeout: 20_000 }).toBe(1);
    const again = await embed(page, origins.partner, frameUrl);
    await expect.poll(() => again.getByRole("alert").textContent(), { timeout: 20_000 }).toBe(
      "This link to your card details was already used. Close it and reveal again.",
    );
    expect(await again.locator('[data-value="number"]').count()).toBe(0);
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);

  it("refuses a ticket from another allowed page, and cannot be framed at all by a page outside ALLOWED_ORIGINS", async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    const frameUrl = await ticketFrom(origins.partner);
    // Not allowed to frame it: the browser never runs the frame, so the ticket is left untouched.
    await page.goto(`${origins.stranger}/embed?src=${encodeURIComponent(frameUrl)}`);
    await page.waitForTimeout(2_000);
    const strangerFrame = page.frames().find((f) => f !== page.mainFrame())!;
    // Chromium puts its error page in place of a frame whose frame-ancestors refuse the embedding page.
    expect(strangerFrame.url()).not.toContain(stack.workerUrl);
    expect(await strangerFrame.evaluate(() => document.body?.innerText ?? "").catch(() => "")).not.toMatch(/\d{4} \d{4}/);
    // Framed by another allowed partner's page: refused there…
    const elsewhere = await embed(page, origins.other, frameUrl);
    await expect.poll(() => elsewhere.getByRole("alert").textContent(), { timeout: 20_000 }).toBe(
      "These card details can only be shown on the page that asked for them. Close this and reveal again.",
    );
    // …and still good on the page it was issued to.
    const home = await embed(page, origins.partner, frameUrl);
    await expect.poll(() => home.locator('[data-value="number"]').count(), { timeout: 20_000 }).toBe(1);
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);

  it("refuses an expired ticket, in the element's language", async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    const frameUrl = await ticketFrom(origins.partner, "es");
    await new Promise((resolve) => setTimeout(resolve, (TICKET_SECONDS + 1) * 1000));
    const late = await embed(page, origins.partner, frameUrl);
    await expect.poll(() => late.getByRole("alert").textContent(), { timeout: 20_000 }).toBe(
      "Este enlace a los datos de tu tarjeta ha caducado. Ciérralo y vuelve a mostrarlos.",
    );
    expect(await late.locator("html").getAttribute("lang")).toBe("es");
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);
});

/** axe-core inside a frame: evaluated through DevTools (the frame's CSP refuses script elements, rightly). */
async function axeOn(frame: import("playwright").Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; help: string }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  });
}
