import { defineConfig } from "@playwright/test";

/**
 * End-to-end journeys: Playwright driving Debian's Chromium (never a downloaded browser; CHROME_PATH
 * overrides the binary) against the whole product on free ports: the sandbox, the Worker under
 * `wrangler dev`, and the demo site serving a fresh widget build (see test/e2e/global-setup.ts).
 */
export default defineConfig({
  testDir: "test/e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./test/e2e/global-setup.ts",
  // One journey at a time: the machine has two cores and each journey drives a chain, a Worker and a browser.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  // On CI (shared, slow machines) a journey that fails once runs again and is counted as flaky in the
  // summary, never hidden; locally a failure is a failure.
  retries: process.env.CI ? 1 : 0,
  outputDir: "test-results/e2e",
  reporter: process.env.PLAYWRIGHT_REPORTERS?.split(",").map((name) => [name] as [string]) ?? [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
