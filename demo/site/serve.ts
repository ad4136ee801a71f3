/**
 * Serves the demo site: the partner-like pages in `demo/site/pages/` and the built widget from `dist/`,
 * under a strict Content-Security-Policy (no inline script or style, no eval), as a partner's page would.
 * `%WORKER_URL%` and `%SANDBOX_URL%` in a page are replaced by where those run.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";

export interface DemoSiteOptions {
  /** default 5173; 0 = a free port */
  port?: number;
  workerUrl: string;
  sandboxUrl: string;
  /** The built widget (default `dist/`). */
  distDir?: string;
  pagesDir?: string;
}

export interface RunningDemoSite {
  url: string;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

/** The policy the demo pages are served with: what a careful partner would set. */
export function contentSecurityPolicy(workerUrl: string, sandboxUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${workerUrl} ${sandboxUrl}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

function inside(root: string, path: string): string | null {
  const full = normalize(join(root, path));
  return full.startsWith(root) ? full : null;
}

export async function startDemoSite(options: DemoSiteOptions): Promise<RunningDemoSite> {
  const distDir = resolve(options.distDir ?? "dist");
  const pagesDir = resolve(options.pagesDir ?? join(import.meta.dirname, "pages"));
  const csp = contentSecurityPolicy(options.workerUrl, options.sandboxUrl);

  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://demo").pathname);
    const fromDist = path.startsWith("/dist/") ? inside(distDir, path.slice("/dist/".length)) : null;
    const fromPages = fromDist ? null : inside(pagesDir, path === "/" ? "index.html" : path.slice(1));
    const file = fromDist ?? fromPages;
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      const hint = path.startsWith("/dist/") ? " (run `npm run build:widget`)" : "";
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`not found: ${path}${hint}\n`);
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    res.setHeader("Content-Type", type);
    res.setHeader("Cache-Control", "no-cache");
    if (extname(file) === ".html") {
      const page = readFileSync(file, "utf8").replaceAll("%WORKER_URL%", options.workerUrl).replaceAll("%SANDBOX_URL%", options.sandboxUrl);
      res.end(page);
      return;
    }
    createReadStream(file).pipe(res);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", (error) => reject(new Error(`demo site could not listen on port ${options.port ?? 5173}: ${String(error)}`)));
    server.listen(options.port ?? 5173, "127.0.0.1", () => resolveListen());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
