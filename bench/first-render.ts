/**
 * Time from script load to first render, in headless Chromium (Playwright, the system's Chromium: never
 * a downloaded browser). A plain page with the script tag and `<machines-card api-base>` pointing at the
 * Worker, served from loopback; each run in a fresh browser context (empty cache and storage). Measured
 * inside the page from the moment the browser starts fetching `machines-card.js` (Resource Timing) to:
 *   - first render: the first animation frame in which the element's shadow root has content;
 *   - sign-in shown: the first frame in which the sign-in step's heading is there (after the entry has
 *     fetched `/v1/config` from the Worker and loaded the step's chunk).
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright";
import { median } from "./lib/stats";

export interface RenderFigures {
  runs: number;
  firstRenderMs: number;
  signInShownMs: number;
}

const TYPES: Record<string, string> = { ".js": "text/javascript", ".html": "text/html", ".json": "application/json", ".css": "text/css" };

/** Serves the built widget and one page embedding it. Listen on `port` (the Worker allows that origin). */
export async function serveWidgetPage(dist: string, workerUrl: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/machines-card.js"></script></head>
<body><machines-card api-base="${workerUrl}"></machines-card></body></html>`;
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/") {
      res.writeHead(200, { "Content-Type": "text/html" }).end(page);
      return;
    }
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist)) return void res.writeHead(404).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Watches every animation frame from the page's first script on, and records when each milestone first appears. */
const WATCH = `(() => {
  const marks = (window.__bench = {});
  const tick = () => {
    const card = document.querySelector("machines-card");
    const root = card && card.shadowRoot;
    if (!marks.firstRender && root && root.childElementCount > 0) marks.firstRender = performance.now();
    const step = root && root.querySelector("mc-step-sign-in");
    if (!marks.signInShown && step && step.shadowRoot && step.shadowRoot.querySelector('[part~="heading"]')) marks.signInShown = performance.now();
    if (!marks.signInShown) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export async function measureFirstRender(pageUrl: string, runs: number): Promise<RenderFigures> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const firstRender: number[] = [];
  const signInShown: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(WATCH);
      await page.goto(pageUrl);
      await page.waitForFunction(() => (window as unknown as { __bench: { signInShown?: number } }).__bench.signInShown, undefined, { timeout: 30_000 });
      const marks = await page.evaluate(() => {
        const script = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/machines-card.js"))!;
        const b = (window as unknown as { __bench: { firstRender: number; signInShown: number } }).__bench;
        return { start: script.startTime, firstRender: b.firstRender, signInShown: b.signInShown };
      });
      firstRender.push(marks.firstRender - marks.start);
      signInShown.push(marks.signInShown - marks.start);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { runs, firstRenderMs: median(firstRender), signInShownMs: median(signInShown) };
}
