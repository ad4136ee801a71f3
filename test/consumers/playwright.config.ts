import { defineConfig } from "@playwright/test";
import e2e from "../../playwright.config";

/**
 * The consumer fixtures (`npm test -- --only consumers`): the packed widget installed from its tarball into
 * small partner projects (plain HTML from a CDN with SRI, Vite + TypeScript, React 19, Vue 3), each
 * type-checked, built and rendered in Chromium against the sandbox Worker (see global-setup.ts).
 */
export default defineConfig({
  ...e2e,
  testDir: ".",
  testMatch: "*.spec.ts",
  globalSetup: "./global-setup.ts",
  // Builds and type checks run in sequence: two cores, one stack.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  outputDir: "../../test-results/consumers",
});
