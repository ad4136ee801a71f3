// Browser tests: @web/test-runner in Chromium (Debian's, never a downloaded one).
// Set CHROME_PATH to use another Chromium or Chrome binary.
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { defaultReporter } from "@web/test-runner";
import { playwrightLauncher } from "@web/test-runner-playwright";
import { countReporter } from "./scripts/lib/wtr-count-reporter.mjs";
import { sandboxServices } from "./scripts/lib/wtr-sandbox.mjs";

const executablePath = process.env.CHROME_PATH || "/usr/bin/chromium";
// The sandbox identity issuer in process, and the whole stack once test/stack.ts exists (see the file).
const services = sandboxServices();

export default {
  files: ["widget/src/**/*.test.ts"],
  nodeResolve: { exportConditions: ["browser", "production"] },
  middleware: services.middleware,
  // `json`: the widget imports its version from its package.json (a named import), as the build does.
  plugins: [
    esbuildPlugin({ ts: true, json: true, target: "es2022", tsconfig: "widget/tsconfig.json" }),
    { name: "machines-card-sandbox", serverStop: () => services.stop() },
  ],
  browsers: [
    playwrightLauncher({
      product: "chromium",
      // Copy buttons are tested by reading back what they wrote.
      createBrowserContext: ({ browser }) => browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] }),
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), ...(process.env.WTR_RESULTS_FILE ? [countReporter(process.env.WTR_RESULTS_FILE)] : [])],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
