/**
 * Screenshots of each step, taken from the journeys: the card as it sits on the partner's page (with a
 * margin of the page around it), at desktop width. With UPDATE_SCREENSHOTS=1 they replace the ones in
 * docs/screenshots/ (committed, shown in the README); otherwise they go to test-results/ to look at.
 *
 * The sandbox tools dock is a tester's tool, not part of the partner's page: it is hidden while the
 * picture is taken. A card number or CVC is never captured: callers pass them as `mask`.
 */
import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";

export type Theme = "light" | "dark";

const MARGIN = 24;
const folder = process.env.UPDATE_SCREENSHOTS === "1" ? join("docs", "screenshots") : join("test-results", "screenshots");

export async function screenshotStep(page: Page, step: string, theme: Theme, options: { mask?: Locator[] } = {}): Promise<string> {
  const card = page.locator("machines-card");
  const tools = page.locator("sandbox-tools");
  const path = join(folder, `${step}-${theme}.png`);
  // Settle first: no pending spinner transitions, fonts loaded, the card scrolled into place.
  await page.evaluate(() => document.fonts.ready);
  await card.scrollIntoViewIfNeeded();
  // CSSOM, not a <style> element: the page's CSP (rightly) refuses injected style sheets.
  await tools.evaluate((el: HTMLElement) => (el.style.display = "none")).catch(() => undefined);
  try {
    const box = await card.boundingBox();
    if (!box) throw new Error(`the card is not visible for the ${step} screenshot`);
    const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
    await page.screenshot({
      path,
      fullPage: true,
      animations: "disabled",
      caret: "hide",
      clip: { x: box.x + scroll.x - MARGIN, y: box.y + scroll.y - MARGIN, width: box.width + 2 * MARGIN, height: box.height + 2 * MARGIN },
      ...(options.mask ? { mask: options.mask, maskColor: theme === "dark" ? "#3a4150" : "#d7dbe2" } : {}),
    });
  } finally {
    await tools.evaluate((el: HTMLElement) => (el.style.display = "")).catch(() => undefined);
  }
  return path;
}
