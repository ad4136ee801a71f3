// `npm run layout:shots`: the KYC and withdraw steps in every language, in Chromium against the real
// stack, at a phone's width, written as PNGs to widget/.layout-shots/ (git-ignored) to look at, and
// checked for anything wider than the card (long German words, long labels). Not part of `npm test`.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import base from "../../web-test-runner.config.mjs";

const OUT = join(process.cwd(), "widget", ".layout-shots");

/** `executeServerCommand("layout-screenshot", { name })`: the page as a PNG. */
const screenshots = {
  name: "layout-screenshot",
  async executeCommand({ command, payload, session }) {
    if (command !== "layout-screenshot") return undefined;
    mkdirSync(OUT, { recursive: true });
    const path = join(OUT, `${payload.name}.png`);
    await session.browser.getPage(session.id).screenshot({ path, fullPage: true });
    return path;
  },
};

export default {
  ...base,
  files: ["widget/scripts/layout-shots.ts"],
  plugins: [...base.plugins, screenshots],
  concurrency: 1,
  testFramework: { config: { timeout: 180_000 } },
};
