/**
 * The demo site on the whole product, on free ports: the sandbox and the Worker (`startStack`), and the
 * demo pages served under their strict CSP with the Worker allowing the site's origin. Builds the widget
 * first when `dist/` is missing, as `npm run dev` would.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "#scripts/lib/free-port";
import { type RunningStack, startStack } from "./stack";
import { type RunningDemoSite, startDemoSite } from "#demo/site/serve";

export interface DemoStack {
  site: RunningDemoSite;
  stack: RunningStack;
  stop(): Promise<void>;
}

const ENTRY = join("dist", "machines-card.js");

/**
 * The widget build `npm run dev` runs (without the manifest step, which rewrites a tracked file).
 * `rebuild` builds even when dist/ exists (journeys must never run on a stale build).
 */
export function ensureWidgetBuilt(options: { rebuild?: boolean } = {}): void {
  if (existsSync(ENTRY) && !options.rebuild) return;
  const build = spawnSync(process.execPath, [join("node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], { encoding: "utf8" });
  if (build.status !== 0 || !existsSync(ENTRY)) throw new Error(`the widget build failed:\n${build.stdout}\n${build.stderr}`);
}

export async function startDemoStack(options: { rebuild?: boolean } = {}): Promise<DemoStack> {
  ensureWidgetBuilt(options);
  // The Worker must allow the site's origin before the site exists: take a free port for it first.
  const port = await freePort();
  // Also as localhost: browsers refuse an IP address as a passkey's relying party (the passkey journey).
  const stack = await startStack({ allowedOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`] });
  let site: RunningDemoSite;
  try {
    site = await startDemoSite({ port, workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl });
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return {
    site,
    stack,
    async stop() {
      await site.stop();
      await stack.stop();
    },
  };
}
