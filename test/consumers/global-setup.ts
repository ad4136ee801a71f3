import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "#scripts/lib/free-port";
import { startStack } from "#test/stack";
import { packWidget, widgetDir } from "./support/pack";
import { fixtureDir, serveStatic } from "./support/static-server";

export const FIXTURES = ["html", "vite-ts", "react", "vue"] as const;

/**
 * Once for every fixture: the packed tarball, the sandbox and the Worker (allowing the fixtures' origin),
 * a static server for the fixtures' built pages and another standing in for a CDN (its own origin, CORS,
 * a versioned path like jsDelivr's) that serves the package the plain-HTML fixture installed.
 */
export default async function globalSetup() {
  const work = mkdtempSync(join(tmpdir(), "machines-card-consumers-"));
  const [pagePort, cdnPort] = [await freePort(), await freePort()];
  const pageOrigin = `http://127.0.0.1:${pagePort}`;
  // The build and the stack's start overlap: one is CPU, the other mostly waiting for ports.
  const [tarball, stack] = await Promise.all([
    packWidget(work),
    startStack({ allowedOrigins: [pageOrigin] }),
  ]);
  const { version } = JSON.parse(readFileSync(join(widgetDir, "package.json"), "utf8"));
  const pages = await serveStatic(pagePort, Object.fromEntries(FIXTURES.map((name) => [name, join(fixtureDir(name), "dist")])));
  const cdn = await serveStatic(cdnPort, { [`machines-card@${version}`]: join(fixtureDir("html"), "node_modules", "machines-card") }, { cors: true });
  process.env.CONSUMERS_TARBALL = tarball;
  process.env.CONSUMERS_WORKER_URL = stack.workerUrl;
  process.env.CONSUMERS_PAGE_URL = pages.url;
  process.env.CONSUMERS_CDN_URL = `${cdn.url}/machines-card@${version}`;
  return async () => {
    await Promise.all([pages.stop(), cdn.stop()]);
    await stack.stop();
    rmSync(work, { recursive: true, force: true });
  };
}
