/**
 * Serves the demo site: the partner-like pages in `demo/site/pages/` and the built widget from `dist/`,
 * under a strict Content-Security-Policy (no inline script or style, no eval), as a partner's page would.
 * `%WORKER_URL%` and `%SANDBOX_URL%` in a page are replaced by where those run.
 *
 *   /                  pages/index.html (the partner's page)
 *   /second.html       pages/second.html (same element, other settings, event log)
 *   /sandbox/          pages/sandbox/index.html (the tester's sandbox tools, full page)
 *   /dist/…            the built widget; hashed chunks are cached for a year, the entry is revalidated
 */
import { createHash } from "node:crypto";
import { createReadStream, type Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { contentSecurityPolicy } from "./csp";
import { cachePolicy, contentTypeOf, resolveRequestPath } from "./static-files";

export { contentSecurityPolicy };

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

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}, head = false) {
  const body = `${text}\n`;
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store", ...headers });
  res.end(head ? undefined : body);
}

async function statFile(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** Weak validator for a file on disk: changes whenever its size or modification time does. */
const fileTag = (stats: Stats) => `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
const bodyTag = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;

function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return header === "*" || header.split(",").some((tag) => strip(tag) === strip(etag));
}

export async function startDemoSite(options: DemoSiteOptions): Promise<RunningDemoSite> {
  const roots = {
    dist: resolve(options.distDir ?? "dist"),
    pages: resolve(options.pagesDir ?? join(import.meta.dirname, "pages")),
  };
  const csp = contentSecurityPolicy(options.workerUrl, options.sandboxUrl);
  const substitute = (page: string) => page.replaceAll("%WORKER_URL%", options.workerUrl).replaceAll("%SANDBOX_URL%", options.sandboxUrl);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    const head = req.method === "HEAD";
    if (req.method !== "GET" && !head) return plain(res, 405, `method not allowed: ${req.method}`, { Allow: "GET, HEAD" });

    const target = resolveRequestPath(req.url ?? "/", roots);
    if (target.kind === "bad") return plain(res, 400, `bad request: ${target.reason}`, {}, head);
    if (target.kind === "outside") return plain(res, 404, `not found: ${target.path}`, {}, head);

    let file = target.file;
    let stats = await statFile(file);
    if (stats?.isDirectory()) {
      // A folder is served by its index.html, at a URL that ends in "/" so the page's relative links work.
      if (!target.path.endsWith("/")) return plain(res, 301, `moved to ${target.path}/`, { Location: `${target.path}/` }, head);
      file = join(file, "index.html");
      stats = await statFile(file);
    }
    if (!stats?.isFile()) {
      const hint = target.root === "dist" ? " (run `npm run build:widget`)" : "";
      return plain(res, 404, `not found: ${target.path}${hint}`, {}, head);
    }

    const type = contentTypeOf(file);
    res.setHeader("Content-Type", type);
    res.setHeader("Cache-Control", cachePolicy(target.root, target.path));
    if (type.startsWith("text/html")) {
      const page = substitute(await readFile(file, "utf8"));
      const etag = bodyTag(page);
      res.setHeader("ETag", etag);
      if (notModified(req, etag)) return void res.writeHead(304).end();
      res.setHeader("Content-Length", Buffer.byteLength(page));
      res.end(head ? undefined : page);
      return;
    }
    const etag = fileTag(stats);
    res.setHeader("ETag", etag);
    res.setHeader("Last-Modified", stats.mtime.toUTCString());
    if (notModified(req, etag)) return void res.writeHead(304).end();
    res.setHeader("Content-Length", stats.size);
    if (head) return void res.end();
    const stream = createReadStream(file);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      plain(res, 500, `demo site error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", (error) => reject(new Error(`demo site could not listen on port ${options.port ?? 5173}: ${String(error)}`)));
    server.listen(options.port ?? 5173, "127.0.0.1", () => resolveListen());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
