/**
 * Chromium for the demo site's tests (the machine's own build; never a downloaded one), and pages that
 * record what a partner's developer would see in the console: errors, CSP violations, and every
 * `mc-*` event the card fired, from before the first script ran.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface RecordedPage {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations, in the order they happened. */
  problems: string[];
  /** The `mc-*` events fired so far (type and detail). */
  events(): Promise<{ type: string; detail: unknown }[]>;
  close(): Promise<void>;
}

export const CARD_EVENTS = [
  "mc-ready", "mc-before-step-change", "mc-step-change", "mc-signed-in", "mc-signed-out", "mc-kyc-status", "mc-agreements-accepted",
  "mc-deposit-created", "mc-deposit-completed", "mc-card-created", "mc-card-revealed", "mc-card-hidden", "mc-withdrawal-submitted", "mc-withdrawal-confirmed", "mc-error",
];

export interface OpenOptions {
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  /** Open the docked sandbox tools (their open state is remembered in localStorage). */
  toolsOpen?: boolean;
}

export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<RecordedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? "light",
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  // Init scripts run through the DevTools protocol, so the page's CSP does not apply to them.
  await page.addInitScript(
    ({ events, toolsOpen }) => {
      const w = window as unknown as { __cardEvents: { type: string; detail: unknown }[] };
      w.__cardEvents = [];
      for (const type of events) document.addEventListener(type, (e) => w.__cardEvents.push({ type, detail: (e as CustomEvent).detail }));
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      localStorage.setItem("sandbox-tools:open", toolsOpen ? "1" : "0");
    },
    { events: CARD_EVENTS, toolsOpen: options.toolsOpen ?? false },
  );
  await page.goto(url);
  return {
    page,
    problems,
    events: () => page.evaluate(() => (window as unknown as { __cardEvents: { type: string; detail: unknown }[] }).__cardEvents),
    close: () => context.close(),
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's WCAG A/AA violations on the page around the card (the card has its own axe tests).
 * Evaluated through the DevTools protocol: the page's CSP stays on.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ exclude: [["machines-card"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}
