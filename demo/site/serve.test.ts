/**
 * The demo site's server: every reply carries the strict CSP, pages get the stack's URLs, files are
 * typed and cached correctly, and no request reaches a file outside the two served folders.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, type RunningDemoSite, startDemoSite } from "./serve";

const WORKER = "http://127.0.0.1:18787";
const SANDBOX = "http://127.0.0.1:18788";
const CSP = contentSecurityPolicy(WORKER, SANDBOX);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path goes on the wire exactly as written (fetch would fold `..` first). */
function send(site: RunningDemoSite, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const { port } = new URL(site.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("demo site server (fixture folders)", () => {
  let root: string;
  let site: RunningDemoSite;

  beforeAll(async () => {
    // pages/ and dist/ side by side with a secret beside them, and a sibling whose name starts like pages/.
    root = mkdtempSync(join(tmpdir(), "demo-site-"));
    const pages = join(root, "pages");
    const dist = join(root, "dist");
    mkdirSync(join(pages, "tools"), { recursive: true });
    mkdirSync(join(dist, "chunks"), { recursive: true });
    mkdirSync(join(dist, ".vite"), { recursive: true });
    mkdirSync(join(root, "pages-private"), { recursive: true });
    writeFileSync(join(root, "secret.txt"), "TOP SECRET");
    writeFileSync(join(root, "pages-private", "secret.txt"), "SIBLING SECRET");
    writeFileSync(join(pages, ".env"), "HIDDEN=1");
    writeFileSync(join(pages, "index.html"), `<!doctype html><machines-card api-base="%WORKER_URL%"></machines-card><a href="%SANDBOX_URL%">x</a><p>%WORKER_URL%</p>`);
    writeFileSync(join(pages, "tools", "index.html"), "<!doctype html><h1>tools %SANDBOX_URL%</h1>");
    writeFileSync(join(pages, "app.js"), "export const x = 1;\n");
    writeFileSync(join(pages, "site.css"), "body{}\n");
    writeFileSync(join(pages, "logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    writeFileSync(join(pages, "data.bin"), "\u0001\u0002");
    writeFileSync(join(dist, "machines-card.js"), "export {};\n");
    writeFileSync(join(dist, "chunks", "sign-in-step-Bw8G_oWZ.js"), "export const step = 1;\n");
    writeFileSync(join(dist, ".vite", "manifest.json"), "{}");
    site = await startDemoSite({ port: 0, workerUrl: WORKER, sandboxUrl: SANDBOX, pagesDir: pages, distDir: dist });
  });

  afterAll(async () => {
    await site?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("serves / as index.html with the strict CSP and the stack's URLs substituted", async () => {
    const reply = await send(site, "/");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(reply.headers["content-security-policy"]).toBe(CSP);
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(reply.headers["cache-control"]).toBe("no-cache");
    expect(reply.body).toContain(`api-base="${WORKER}"`);
    expect(reply.body).toContain(`href="${SANDBOX}"`);
    expect(reply.body).not.toContain("%WORKER_URL%");
    expect(reply.body).not.toContain("%SANDBOX_URL%");
    expect(Number(reply.headers["content-length"])).toBe(Buffer.byteLength(reply.body));
  });

  it("allows no inline script or style and only the Worker and sandbox as other origins", () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("style-src 'self'");
    expect(CSP).not.toContain("unsafe-inline");
    expect(CSP).not.toContain("unsafe-eval");
    expect(CSP).toContain(`connect-src 'self' ${WORKER} ${SANDBOX}`);
    expect(CSP).toContain(`frame-src ${WORKER};`);
    expect(CSP).toContain("object-src 'none'");
  });

  it.each([
    ["/app.js", "text/javascript; charset=utf-8"],
    ["/site.css", "text/css; charset=utf-8"],
    ["/logo.svg", "image/svg+xml"],
    ["/data.bin", "application/octet-stream"],
    ["/dist/machines-card.js", "text/javascript; charset=utf-8"],
  ])("types %s as %s", async (path, type) => {
    const reply = await send(site, path);
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe(type);
    expect(reply.headers["content-security-policy"]).toBe(CSP);
  });

  it("caches hashed chunks for a year and revalidates the entry and pages", async () => {
    expect((await send(site, "/dist/chunks/sign-in-step-Bw8G_oWZ.js")).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await send(site, "/dist/machines-card.js")).headers["cache-control"]).toBe("no-cache");
    expect((await send(site, "/app.js")).headers["cache-control"]).toBe("no-cache");
  });

  it("answers 304 to a matching If-None-Match, for files and for substituted pages", async () => {
    for (const path of ["/dist/machines-card.js", "/"]) {
      const first = await send(site, path);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/"/);
      const again = await send(site, path, { headers: { "If-None-Match": etag } });
      expect(again.status).toBe(304);
      expect(again.body).toBe("");
    }
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const get = await send(site, "/dist/machines-card.js");
    const head = await send(site, "/dist/machines-card.js", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers["content-length"]).toBe(get.headers["content-length"]);
    expect(head.headers["content-type"]).toBe(get.headers["content-type"]);
    expect(head.headers["content-security-policy"]).toBe(CSP);
    expect((await send(site, "/", { method: "HEAD" })).headers["content-length"]).toBe((await send(site, "/")).headers["content-length"]);
  });

  it("refuses other methods with 405 and Allow", async () => {
    const reply = await send(site, "/", { method: "POST" });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("GET, HEAD");
  });

  it("answers 404 in plain text, under the CSP, for a missing page or chunk (with a build hint)", async () => {
    const page = await send(site, "/missing.html");
    expect(page.status).toBe(404);
    expect(page.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(page.headers["content-security-policy"]).toBe(CSP);
    const chunk = await send(site, "/dist/chunks/nope.js");
    expect(chunk.status).toBe(404);
    expect(chunk.body).toContain("npm run build:widget");
  });

  it("serves a folder's index.html, redirecting to the slash form first", async () => {
    const bare = await send(site, "/tools");
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe("/tools/");
    const page = await send(site, "/tools/");
    expect(page.status).toBe(200);
    expect(page.body).toContain(`tools ${SANDBOX}`);
  });

  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/..%5csecret.txt",
    "/dist/..%2f..%2fsecret.txt",
    "/dist/%2e%2e/%2e%2e/secret.txt",
    "/..%2fpages-private%2fsecret.txt",
    "/dist/../../pages-private/secret.txt",
    "/%2fetc%2fpasswd",
    "//etc/passwd",
    "/.env",
    "/dist/.vite/manifest.json",
    "/tools/..%2f..%2fsecret.txt",
  ])("never serves what is outside the folders or hidden: %s", async (path) => {
    const reply = await send(site, path);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.body).not.toContain("SECRET");
    expect(reply.body).not.toContain("HIDDEN");
    expect(reply.body).not.toContain("root:");
    expect(reply.headers["content-security-policy"]).toBe(CSP);
  });

  it.each([
    ["/%E0%A4%A", "malformed"],
    ["/index.html%00.js", "NUL"],
  ])("answers 400 to a malformed path %s", async (path, reason) => {
    const reply = await send(site, path);
    expect(reply.status).toBe(400);
    expect(reply.body).toContain(reason);
  });
});

describe("the demo pages themselves", () => {
  const pagesDir = join(import.meta.dirname, "pages");
  const htmlFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith(".html") ? [join(dir, entry.name)] : [],
    );

  it.each(htmlFiles(pagesDir).map((file) => [file.slice(pagesDir.length), file]))("%s has no inline script, style or handler (strict CSP)", (_, file) => {
    const html = readFileSync(file, "utf8");
    for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script).toMatch(/\ssrc="/);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it("the partner page embeds the widget the way a partner pastes it", () => {
    const html = readFileSync(join(pagesDir, "index.html"), "utf8");
    expect(html).toContain(`<script type="module" src="/dist/machines-card.js"></script>`);
    expect(html).toMatch(/<machines-card\s+api-base="%WORKER_URL%"\s+environment="sandbox"/);
  });
});
