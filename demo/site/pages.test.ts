/**
 * The demo pages in Chromium against the whole product (sandbox + Worker on free ports): each loads
 * under the strict CSP with no violation and no console error, the card registers and starts, the
 * layout holds on a phone, the page around the card passes axe, and screenshots of each go to
 * test-results/demo-site/ for a person to look at.
 */
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchChromium, openPage, type OpenOptions, type RecordedPage } from "./testing/browser";
import { type DemoStack, startDemoStack } from "../../test/demo-stack";

const SHOTS = "test-results/demo-site";

let demo: DemoStack;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [demo, browser] = await Promise.all([startDemoStack(), launchChromium()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

/** Opens a page and waits for the card to say it is ready (or to report a problem). */
async function openReady(path: string, options: OpenOptions = {}): Promise<RecordedPage> {
  const recorded = await openPage(browser, `${demo.site.url}${path}`, options);
  await recorded.page.waitForFunction(
    () => (window as unknown as { __cardEvents: { type: string }[] }).__cardEvents.some((e) => e.type === "mc-ready" || e.type === "mc-error"),
    undefined,
    { timeout: 30_000 },
  );
  // Let late requests (step chunks, translations, the tools' first poll) finish before judging.
  await recorded.page.waitForLoadState("networkidle");
  return recorded;
}

async function expectHealthy(recorded: RecordedPage) {
  const events = await recorded.events();
  expect(events.filter((e) => e.type === "mc-error")).toEqual([]);
  expect(events.map((e) => e.type)).toContain("mc-ready");
  expect(recorded.problems).toEqual([]);
  expect(await recorded.page.evaluate(() => Boolean(customElements.get("machines-card")))).toBe(true);
}

/** Nothing sticks out sideways: the page never scrolls horizontally. */
async function expectNoSidewaysScroll(recorded: RecordedPage) {
  const { scrollWidth, innerWidth } = await recorded.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe("the partner page (/)", () => {
  it("loads under the strict CSP with no console error; the card registers, starts in the sandbox and shows sign-in", async () => {
    const recorded = await openReady("/");
    try {
      await expectHealthy(recorded);
      const ready = (await recorded.events()).find((e) => e.type === "mc-ready");
      expect(ready?.detail).toMatchObject({ environment: "sandbox", step: "sign-in", signedIn: false });
      const card = await recorded.page.evaluate(() => {
        const element = document.querySelector("machines-card") as HTMLElement & { apiBase: string; configuredSteps: string[] };
        return { apiBase: element.apiBase, steps: element.configuredSteps };
      });
      expect(card.apiBase).toBe(demo.stack.workerUrl);
      expect(card.steps).toEqual(["sign-in", "kyc", "agreements", "deposit", "card", "withdraw", "activity"]);
      expect(await recorded.page.evaluate(() => Boolean(customElements.get("sandbox-tools")))).toBe(true);
      await recorded.page.screenshot({ path: `${SHOTS}/index-desktop-light.png`, fullPage: true });
    } finally {
      await recorded.close();
    }
  });

  it("lays out on a phone without sideways scrolling", async () => {
    const recorded = await openReady("/", { width: 390, height: 844 });
    try {
      await expectHealthy(recorded);
      await expectNoSidewaysScroll(recorded);
      await recorded.page.screenshot({ path: `${SHOTS}/index-mobile-light.png`, fullPage: true });
    } finally {
      await recorded.close();
    }
  });

  it("has no axe violation around the card, with the sandbox tools open", async () => {
    const recorded = await openReady("/", { toolsOpen: true });
    try {
      expect(await axeViolations(recorded.page)).toEqual([]);
      await recorded.page.screenshot({ path: `${SHOTS}/index-desktop-tools-open.png` });
    } finally {
      await recorded.close();
    }
  });
});

describe("the second page (/second.html)", () => {
  it("shows the same element dark, in Spanish, with five steps and card defaults, and logs its events", async () => {
    const recorded = await openReady("/second.html", { colorScheme: "dark" });
    try {
      await expectHealthy(recorded);
      const card = await recorded.page.evaluate(() => {
        const element = document.querySelector("machines-card") as HTMLElement & { configuredSteps: string[]; theme: string; locale: string };
        return { steps: element.configuredSteps, theme: element.theme, locale: element.locale, label: element.getAttribute("card-label") };
      });
      expect(card).toEqual({ steps: ["sign-in", "kyc", "agreements", "deposit", "card"], theme: "dark", locale: "es", label: "Viajes" });
      // The log lists every event the card fired, newest first, with its detail.
      const fired = (await recorded.events()).map((e) => e.type).reverse();
      const logged = await recorded.page.locator("event-log .event-log__name").allTextContents();
      expect(logged).toEqual(fired);
      expect(await recorded.page.locator("event-log .event-log__entry[data-event='mc-step-change'] pre").first().textContent()).toContain('"total": 5');
      await recorded.page.screenshot({ path: `${SHOTS}/second-desktop-dark.png`, fullPage: true });
    } finally {
      await recorded.close();
    }
  });

  it("lays out on a phone without sideways scrolling", async () => {
    const recorded = await openReady("/second.html", { width: 390, height: 844, colorScheme: "dark" });
    try {
      await expectHealthy(recorded);
      await expectNoSidewaysScroll(recorded);
      await recorded.page.screenshot({ path: `${SHOTS}/second-mobile-dark.png`, fullPage: true });
    } finally {
      await recorded.close();
    }
  });

  it("has no axe violation around the card, and the log can be cleared", async () => {
    const recorded = await openReady("/second.html", { colorScheme: "dark" });
    try {
      expect(await axeViolations(recorded.page)).toEqual([]);
      await recorded.page.getByRole("button", { name: "Clear" }).click();
      expect(await recorded.page.locator("event-log .event-log__entry").count()).toBe(0);
      expect(await recorded.page.locator("event-log .event-log__count").textContent()).toBe("0 events");
    } finally {
      await recorded.close();
    }
  });
});

describe("the sandbox tools page (/sandbox/)", () => {
  it("loads with no console error and no axe violation", async () => {
    const recorded = await openPage(browser, `${demo.site.url}/sandbox/`, { colorScheme: "dark" });
    try {
      await recorded.page.getByRole("heading", { name: "Sign-in codes" }).waitFor();
      await recorded.page.waitForLoadState("networkidle");
      expect(recorded.problems).toEqual([]);
      expect(await axeViolations(recorded.page)).toEqual([]);
      await expectNoSidewaysScroll(recorded);
      await recorded.page.screenshot({ path: `${SHOTS}/sandbox-page.png`, fullPage: true });
    } finally {
      await recorded.close();
    }
  });
});
